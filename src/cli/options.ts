/** Option definitions shared by several commands, with their validation (a bad value is a usage error, exit 2). */
import type { ListFlags } from '../engine/list-options.js';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { OUTPUT_FORMATS } from '../render/formats.js';

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number (0 for no limit)');
  return Number(value);
}

function collectMark(value: string, previous: string[]): string[] {
  if (!/^[^=\s]+=\S+$/.test(value)) throw new InvalidArgumentError('expected name=symbol, e.g. equal=*');
  return [...previous, value];
}

export function addStoreOptions(cmd: Command): Command {
  return cmd
    .option('-b, --bib <file>', 'the BibTeX store (default: "store" in the config, bib/publications.bib)')
    .option('--config <file>', 'config file (default: ./bibfolio.config.json when present)');
}

export function addListOptions(cmd: Command): Command {
  return cmd
    .option(
      '-s, --style <name|file.csl>',
      'CSL style: cv, apa, vancouver, harvard1, any style ID of the official CSL repository added with "bibfolio styles add" or found in styles/, or a path to a .csl file (dependent styles too)',
    )
    .addOption(
      new Option('--max-authors <n>', 'author limit before "et al." (0: no limit); the owner is never cut').argParser(
        parseCount,
      ),
    )
    .addOption(new Option('--group-by <how>', 'group the list under headings').choices(['none', 'year', 'type']))
    .option('--selected', 'only the selected papers (keywords = {selected}, or selected = {true})')
    .option('--selected-first', 'HTML pages: a "Selected publications" section first, then the rest')
    .option('--css <file>', "HTML pages: link this stylesheet (your site's) instead of the inline one")
    .option('--link-titles', 'link each title to its URL, else its DOI, else its arXiv page')
    .option(
      '--disambiguate',
      "keep the style's own disambiguation, as its bibliography has it: year suffixes (Smith 2024a, 2024b), added names and initials (slower: the list renders as a whole)",
    )
    .option('--owner <name>', 'the owner to bold (overrides the config), e.g. "Joe Benton"')
    .option('--person <name>', "one member's own list (config people): their papers, their name set apart")
    .option('--locale <lang>', "CSL locale, e.g. en-GB, de-DE (default: the style's own default-locale, else en-US)")
    .option(
      '--mark <name=symbol>',
      'the symbol printed after names annotated <name> (repeatable), e.g. equal=†',
      collectMark,
      [],
    )
    .option('--keep-going', 'render the entries that could be read even when others have errors')
    .option(
      '--no-cache',
      'render everything afresh (the cache lives in $XDG_CACHE_HOME/bibfolio, else ~/.cache/bibfolio)',
    )
    .addOption(
      new Option('--jobs <n>', 'worker threads for long lists (0: none; default: cores - 1, at most 3)').argParser(
        parseCount,
      ),
    );
}

/** --no-cache for the commands that read the store through the caches of the list commands (check, export-bib, export-hugo). */
export function addNoCacheOption(cmd: Command): Command {
  return cmd.option(
    '--no-cache',
    'read the store afresh: the cache ($XDG_CACHE_HOME/bibfolio, else ~/.cache/bibfolio) is neither read nor written',
  );
}

export const FORMAT_OPTION = (): Option =>
  new Option('-t, --to <format>', 'output format').choices([...OUTPUT_FORMATS]).default('markdown');

/** The overall deadline of a command that talks to the network, in seconds (default 900). */
export const DEFAULT_DEADLINE_S = 900;

export function addDeadlineOption(cmd: Command): Command {
  return cmd.addOption(
    new Option(
      '--deadline <seconds>',
      `stop and write nothing when the services have not answered within this time (default ${DEFAULT_DEADLINE_S})`,
    ).argParser((v) => {
      const n = parseCount(v);
      if (n < 1) throw new InvalidArgumentError('expected a whole number of seconds, at least 1');
      return n;
    }),
  );
}

/** The command's deadline as a signal that aborts every request and wait when it fires. */
export function deadlineSignal(flagSeconds: number | undefined, configSeconds: number | undefined): AbortSignal {
  return AbortSignal.timeout((flagSeconds ?? configSeconds ?? DEFAULT_DEADLINE_S) * 1000);
}

/**
 * What `add` and `import` share: the store options, a deadline, a dry run, the selected mark, the cache, the answer to
 * a near match, JSON, and the service flags.
 */
export function addWorkOptions(cmd: Command): Command {
  addStoreOptions(cmd);
  addDeadlineOption(cmd);
  cmd
    .option('--dry-run', 'print a unified diff of what would change; write nothing')
    .option('--selected', 'mark the new papers as selected (keywords = {selected})')
    .option('--refresh', 'ignore the one-day response cache')
    .option(
      '--accept <id>',
      'add this work though the store has its title under another first author (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--json', 'print the report as JSON');
  return addServiceOptions(cmd);
}

/** The service flags every command that talks to a service accepts (each overrides its `sources` config key). */
export interface ServiceFlags {
  delayMs?: number;
  doiUrl?: string;
  crossrefUrl?: string;
  dataciteUrl?: string;
  orcidUrl?: string;
  dblpUrl?: string;
  openalexUrl?: string;
  arxivUrl?: string;
  apiUrl?: string;
  semanticScholarUrl?: string;
}

/** Every service's base URL and the delay between requests: one definition for add, import and the syncs. */
export function addServiceOptions(cmd: Command): Command {
  return cmd
    .option('--doi-url <url>', 'the DOI resolver, asked for CSL-JSON (default https://doi.org)')
    .option('--crossref-url <url>', 'Crossref REST API base (default https://api.crossref.org)')
    .option('--datacite-url <url>', 'DataCite REST API base (default https://api.datacite.org)')
    .option('--orcid-url <url>', 'ORCID public API base (default https://pub.orcid.org)')
    .option('--dblp-url <url>', 'DBLP base (default https://dblp.org)')
    .option('--openalex-url <url>', 'OpenAlex API base (default https://api.openalex.org)')
    .option('--arxiv-url <url>', 'the arXiv API endpoint (default https://export.arxiv.org/api/query)')
    .option('--api-url <url>', 'the same as --arxiv-url')
    .option(
      '--semantic-scholar-url <url>',
      'Semantic Scholar Graph API base (default https://api.semanticscholar.org/graph/v1)',
    )
    .addOption(
      new Option(
        '--delay-ms <n>',
        'milliseconds between requests to each service (at least 3000 for the real hosts; 0 on 127.0.0.1 only)',
      ).argParser(parseCount),
    );
}

/** The flags every list command takes (addStoreOptions, addListOptions). */
export interface ListCommandFlags extends ListFlags {
  readonly bib?: string;
  readonly config?: string;
  readonly owner?: string;
  readonly keepGoing?: boolean;
  /** false with --no-cache */
  readonly cache?: boolean;
  readonly jobs?: number;
}
