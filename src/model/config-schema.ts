/**
 * The schema of `bibfolio.config.json` (zod mini): every key, its type and its default. model/config.ts parses a file
 * with it and says which key is wrong and where.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * Builds the schemas. The schema is in zod's tree-shakable "mini" form: the whole of zod was the largest package of
 * the start-up bundle (474 kB of 2.2 MB), read at every run to validate a few keys; this is 24 kB. It is built on
 * first use, not when the module loads: building it was 3 to 5 ms of every run, and a run whose config the cache
 * has already validated (engine/config-cache.ts) does not need it.
 */
function buildSchemas() {
  // zod's mini form carries no messages of its own: the English ones, as the full zod writes them
  z.config(en());

  /** A non-empty string. */
  const text = (): z.ZodMiniString<string> => z.string().check(z.minLength(1));
  const count = (min: number, max?: number): z.ZodMiniNumber<number> =>
    max === undefined ? z.int().check(z.gte(min)) : z.int().check(z.gte(min), z.lte(max));
  const url = (): z.ZodMiniString<string> => z.string().check(z.url());
  const groupBy = z.enum(['none', 'year', 'type']);

  const nameSchema = z.union([text(), z.strictObject({ family: text(), given: z.optional(z.string()) })]);

  const outputSchema = z.strictObject({
    path: text(),
    format: z.enum(['markdown', 'html', 'latex', 'text', 'json', 'yaml', 'svg']),
    style: z.optional(text()),
    locale: z.optional(text()),
    groupBy: z.optional(groupBy),
    selected: z.optional(z.boolean()),
    linkTitles: z.optional(z.boolean()),
    disambiguate: z.optional(z.boolean()),
    standalone: z.optional(z.boolean()),
    maxAuthors: z.optional(count(0)),
    /** HTML pages: a "Selected publications" section first. */
    selectedFirst: z.optional(z.boolean()),
    /** HTML pages: link this stylesheet instead of the inline one. */
    css: z.optional(text()),
  });

  const configSchema = z.strictObject({
    $schema: z.optional(z.string()),
    owner: z.optional(
      z.strictObject({
        name: nameSchema,
        /** Other ways the owner's name is written: initials, middle names, former names. */
        variants: z._default(z.array(nameSchema), []),
        /** The owner's ORCID iD: `bibfolio sync` imports new papers from the record. */
        orcid: z.optional(text()),
        /** The owner's DBLP person id (`123/4567`): `bibfolio sync` imports new papers from it. */
        dblp: z.optional(text()),
        /** The owner's OpenAlex author (`A5023888391`): `bibfolio sync` imports new papers from it. */
        openalex: z.optional(text()),
        bold: z._default(z.boolean(), true),
      }),
    ),
    /**
     * The pattern of new entries' keys (`[auth][year][word]`, `[Auth]:[year]`, ...: sync/keys.ts); when absent, the
     * store's own, detected from its keys.
     */
    keyPattern: z.optional(
      z.string().check(
        z.regex(/^(?=.*\[)(?:\[(?:auth|Auth|year|yy|word|Word|Words3)\]|[\w:\-.])+$/, {
          error: 'a key pattern of [auth], [Auth], [year], [yy], [word], [Word], [Words3] and letters, digits, _ : - .',
        }),
      ),
    ),
    /**
     * A lab's or group's members, each set apart in every list the store renders: `style` bold, underline, italic, or
     * a `mark` with its `legend` (a student's †). `bibfolio format --person NAME` renders one member's own list.
     */
    people: z._default(
      z.array(
        z.strictObject({
          name: nameSchema,
          variants: z._default(z.array(nameSchema), []),
          role: z._default(text(), 'member'),
          style: z._default(z.enum(['bold', 'underline', 'italic', 'mark']), 'bold'),
          mark: z.optional(text()),
          legend: z.optional(text()),
        }),
      ),
      [],
    ),
    /** Co-authors' pages: name -> URL, or the path of an al-folio `_data/coauthors.yml` (relative to the config). */
    coauthors: z.optional(z.union([z.record(text(), url()), text()])),
    /** The store, relative to the config file. */
    store: z._default(text(), 'bib/publications.bib'),
    /** The store's encoding when it is not UTF-8 (latin1, windows-1252, ...); edits are written back in it. */
    encoding: z.optional(text()),
    style: z._default(text(), 'cv'),
    /** The CSL locale; when absent, the style's own `default-locale` (else en-US). */
    locale: z.optional(text()),
    /** Folders searched for a style name, after the project's `styles/` (relative to the config file). */
    styleDirs: z._default(z.array(text()), []),
    /** `bibfolio styles add`: the official CSL repository's layout (`NAME.csl`, `dependent/NAME.csl`). */
    styleCatalogue: z.optional(url()),
    maxAuthors: z._default(count(0), 10),
    groupBy: z._default(groupBy, 'none'),
    linkTitles: z._default(z.boolean(), false),
    /** Keep the style's own disambiguation (year suffixes `2024a`, added names) in lists: `--disambiguate`. */
    disambiguate: z._default(z.boolean(), false),
    /** The list's title; by default "Publications" in the list's language. */
    title: z.optional(z.string()),
    /**
     * The publications page: a header (the researcher's name, affiliation, photo and profile links) and, with
     * `perEntry`, one page per paper (`publications/KEY/index.html` beside each standalone HTML output) carrying the
     * metadata Google Scholar and reference managers read.
     */
    page: z.optional(
      z.strictObject({
        name: z.optional(text()),
        affiliation: z.optional(text()),
        /** An image path or URL, as the site serves it. */
        photo: z.optional(text()),
        links: z.optional(
          z.strictObject({
            orcid: z.optional(url()),
            scholar: z.optional(url()),
            dblp: z.optional(url()),
            github: z.optional(url()),
            website: z.optional(url()),
          }),
        ),
        perEntry: z._default(z.boolean(), false),
        /** A search box over the entries (title, authors, venue, year). */
        search: z._default(z.boolean(), false),
        /**
         * Where al-folio's `preview` images are when the field holds a file name
         * (`/assets/img/publication_preview/`).
         */
        previewBase: z.optional(text()),
        /** A chart of publications per year (inline SVG). */
        chart: z._default(z.boolean(), false),
      }),
    ),
    /** Publications pages: link label -> the store field it comes from (PDF, Code, Slides, Poster, Video, Website). */
    linkFields: z.optional(z.record(text(), text())),
    /**
     * Where link fields without a scheme point (al-folio's `pdf = {paper.pdf}` is a file under `assets/pdf/`): an
     * http(s) address or a site path such as `/assets/pdf/`. Without it such links are left out.
     */
    linkBase: z.optional(text()),
    /** Annotation name (from `author+an`) -> the symbol printed after the name and its legend line. */
    annotations: z._default(z.record(text(), z.strictObject({ symbol: text(), legend: z.string() })), {
      equal: { symbol: '*', legend: 'Equal contribution' },
    }),
    /** Former name -> current name, for co-authors (or the owner) who changed their name. */
    nameChanges: z._default(z.record(text(), nameSchema), {}),
    sync: z._default(
      z.strictObject({
        /** Write arXiv's abstract into the entries. */
        abstract: z._default(z.boolean(), false),
        /** Milliseconds between requests; arXiv asks for at least 3000. */
        delayMs: z._default(count(0), 3000),
        batchSize: z._default(count(1, 100), 100),
        apiUrl: z._default(url(), 'https://export.arxiv.org/api/query'),
        /** Seconds a sync may talk to the services before it stops and writes nothing. */
        deadlineSeconds: z.optional(count(1)),
      }),
      { abstract: false, delayMs: 3000, batchSize: 100, apiUrl: 'https://export.arxiv.org/api/query' },
    ),
    /** `bibfolio sync-venues`: the identifier sources, each the service's base as in its documentation. */
    venues: z._default(
      z.strictObject({
        semanticScholarUrl: z._default(url(), 'https://api.semanticscholar.org/graph/v1'),
        dblpUrl: z._default(url(), 'https://dblp.org'),
        crossrefUrl: z._default(url(), 'https://api.crossref.org'),
        /** An e-mail address for Crossref's polite pool. */
        mailto: z.optional(z.string()),
        /** Milliseconds between requests to each service; the real hosts ask for at least 3000. */
        delayMs: z._default(count(0), 3000),
        /** Seconds a venue sync may talk to the services before it stops and writes nothing. */
        deadlineSeconds: z.optional(count(1)),
      }),
      {
        semanticScholarUrl: 'https://api.semanticscholar.org/graph/v1',
        dblpUrl: 'https://dblp.org',
        crossrefUrl: 'https://api.crossref.org',
        delayMs: 3000,
      },
    ),
    /**
     * The services `add`, `import` and the syncs talk to, each base as in its documentation, with a Crossref e-mail and
     * the delay between requests. Each key overrides the older `venues` and `sync` keys of the same service.
     */
    sources: z.optional(
      z.strictObject({
        doiUrl: z.optional(url()),
        crossrefUrl: z.optional(url()),
        dataciteUrl: z.optional(url()),
        orcidUrl: z.optional(url()),
        dblpUrl: z.optional(url()),
        openalexUrl: z.optional(url()),
        arxivUrl: z.optional(url()),
        semanticScholarUrl: z.optional(url()),
        mailto: z.optional(z.string()),
        delayMs: z.optional(count(0)),
      }),
    ),
    /** `bibfolio export-hugo`: the owner's name in `authors` (Hugo Blox's profile of the site's owner is `admin`). */
    hugo: z._default(z.strictObject({ owner: z._default(text(), 'admin') }), { owner: 'admin' }),
    /** `bibfolio export-bib`: the target and the file it writes (relative to the config file). */
    export: z._default(
      z.strictObject({
        target: z._default(z.enum(['bibtex', 'biblatex']), 'bibtex'),
        out: z._default(text(), 'dist/publications.bib'),
        /**
         * AAS journal macros (`\\mnras`): kept for a document that loads aas_macros, or expanded to the
         * abbreviation.
         */
        journalMacros: z._default(z.enum(['keep', 'expand']), 'keep'),
      }),
      { target: 'bibtex', out: 'dist/publications.bib', journalMacros: 'keep' },
    ),
    /** What `bibfolio publications` writes, relative to the config file. */
    outputs: z._default(z.array(outputSchema), [
      { path: 'dist/publications.md', format: 'markdown' },
      { path: 'dist/publications.html', format: 'html', standalone: true },
      { path: 'dist/publications.tex', format: 'latex' },
      { path: 'dist/publications.txt', format: 'text' },
    ]),
  });
  return { configSchema, outputSchema, nameSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;

/** The schema of `bibfolio.config.json`, built on first use. */
export function configSchemaOf(): Schemas['configSchema'] {
  schemas ??= buildSchemas();
  return schemas.configSchema;
}

export type Config = z.infer<Schemas['configSchema']>;
export type OutputSpec = z.infer<Schemas['outputSchema']>;
export type NameSpec = z.infer<Schemas['nameSchema']>;
