/**
 * The render engine of the library: a session over one store that renders lists with the caches and workers the
 * command line uses (the CLI's list commands are a thin layer over it). How it stays fast on repeated runs:
 *
 * For a style that renders entries independently (see csl/style-traits.ts), each entry's finished rendering is kept
 * as a record in the user's cache folder, keyed by a hash of the entry's content, the style, the locale, the options
 * that change an entry (owner, author limit, marks, links) and the versions of bibfolio (and its build: version.ts) and
 * citeproc-js. A run then maps and renders only the entries it has no record for (after one entry changed: that
 * entry), and sorts, groups and formats the records. Other styles (numeric ones number entries by position), JSON
 * output and `--no-cache` take the full path. Long lists are rendered on worker threads, started when that many
 * entries are left to render.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { keepParsedCslIn } from '../csl/parsed-csl.js';
import { rendersEntriesIndependently } from '../csl/style-traits.js';
import type { CslItem } from '../csl/types.js';
import type { EntryRecord } from './list-from-records.js';
import { nameChangesFrom, type NameSpec } from '../model/config.js';
import type { BibEntry } from '../model/entry.js';
import type { Problem } from '../model/problems.js';
import type { Publications } from '../pipeline.js';
import { DATA_FORMATS } from '../render/formats.js';
import type { ListOptions, RenderedList } from '../render/list.js';
import { WorkerPool } from '../render/worker-pool.js';
import type { ParsedStore } from '../store/parse.js';
import type { EntryExtras } from '../page/extras.js';
import { CACHE_VERSION } from '../version.js';
import { userCacheDir } from '../paths.js';
import type { ExportedBlock, ExportOptions, ExportResult } from '../export/export.js';
import { ExportBlocks } from './export-blocks.js';
import { OutlineSnapshotFile } from './outline-snapshot.js';
import { JsonFileCache } from './json-cache.js';
import { pageExtras } from './page-extras.js';
import { SessionStore, type CachedProblem } from './session-store.js';
import { PARALLEL_FROM, renderFromRecords } from './render-records.js';

export interface RenderSessionOptions {
  /** The BibTeX store. */
  readonly storePath: string;
  /** How messages name it (default: the path). */
  readonly storeDisplay?: string;
  /** The store's encoding when it is not UTF-8. */
  readonly encoding?: string;
  /** Former name -> current name, as in the config. */
  readonly nameChanges?: Readonly<Record<string, NameSpec>>;
  /** Where the user's cache folder is found (XDG_CACHE_HOME, HOME); default: this process's environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** false: render everything afresh (`--no-cache`). */
  readonly cache?: boolean;
  /** Worker threads for long lists (0: none; default: cores - 1, at most 3). */
  readonly jobs?: number;
  /**
   * true: the session renders lists, so it reads the store in outline and each entry's own problems from the cache
   * (engine/session-store.ts): after one edit, only the edited entry is read whole.
   */
  readonly outline?: boolean;
  /** The store's length (characters) from which it is read in outline; shorter ones are parsed whole (100,000). */
  readonly outlineFrom?: number;
}

/** Fewer entries to map than this are mapped directly: reading the item cache would cost more. */
const ITEM_CACHE_FROM = 200;

export function defaultJobs(): number {
  return Math.min(3, Math.max(0, availableParallelism() - 1));
}

export class RenderSession {
  private readonly items: JsonFileCache<CslItem> | undefined;
  private readonly records: JsonFileCache<EntryRecord> | undefined;
  /** A publications page's extras (links, abstracts, BibTeX) for the whole store, by its entries and options. */
  private readonly pages: JsonFileCache<EntryExtras[]> | undefined;
  private readonly exports: JsonFileCache<ExportedBlock> | undefined;
  private readonly problems: JsonFileCache<CachedProblem[]> | undefined;
  /** The outline of the store as this session last read it: after an edit only the edited part is scanned again. */
  private readonly outlineSnapshot: OutlineSnapshotFile | undefined;
  private pool: WorkerPool | undefined;
  private readonly jobs: number;
  private readonly mappingContext: string;
  private reading: SessionStore | undefined;
  private mapped: Publications | undefined;
  /** Problems found while mapping entries, for the caller to report. */
  readonly mappingProblems: Problem[] = [];

  constructor(private readonly options: RenderSessionOptions) {
    const env = options.env ?? process.env;
    const useCache = options.cache !== false;
    this.items = useCache ? JsonFileCache.forStore<CslItem>(env, 'items', options.storePath) : undefined;
    this.records = useCache ? JsonFileCache.forStore<EntryRecord>(env, 'entries', options.storePath) : undefined;
    this.pages = useCache ? JsonFileCache.forStore<EntryExtras[]>(env, 'pages', options.storePath) : undefined;
    this.exports = useCache ? JsonFileCache.forStore<ExportedBlock>(env, 'exports', options.storePath) : undefined;
    this.problems =
      useCache && options.outline
        ? JsonFileCache.forStore<CachedProblem[]>(env, 'problems', options.storePath)
        : undefined;
    this.outlineSnapshot = this.problems ? OutlineSnapshotFile.forStore(env, options.storePath) : undefined;
    // citeproc-js engines read their style and locale parsed, from the cache folder when the session keeps caches
    keepParsedCslIn(useCache ? join(userCacheDir(env), 'csl-json') : undefined);
    this.mappingContext = `${CACHE_VERSION}\u0000${JSON.stringify(options.nameChanges ?? {})}`;
    // workers start when there is enough left to render to need them (after one edit of a long list: none)
    this.jobs = options.jobs ?? defaultJobs();
  }

  /** Reads the store (its syntax problems are in `store.problems`); throws StoreReadError when it cannot be read. */
  load(): ParsedStore {
    this.reading = new SessionStore({
      path: this.options.storePath,
      display: this.options.storeDisplay ?? this.options.storePath,
      encoding: this.options.encoding,
      context: this.mappingContext,
      problems: this.problems,
      outlineFrom: this.options.outlineFrom,
      snapshot: this.outlineSnapshot,
      hashKeys: this.options.cache !== false,
    });
    return this.reading.store;
  }

  /** How many of the store's entries this session has read whole (after one edit of a list: that entry). */
  get entriesRead(): number {
    return this.reading?.entriesRead ?? 0;
  }

  private loaded(): ParsedStore {
    return this.read().store;
  }

  private read(): SessionStore {
    if (!this.reading) this.load();
    return this.reading as SessionStore;
  }

  private async mapping(entries: readonly BibEntry[]): Promise<Publications> {
    const store = this.loaded();
    const { publicationsOf } = await import('../pipeline.js');
    // for a few entries, reading the whole item cache costs more than mapping them
    const items = entries.length >= ITEM_CACHE_FROM ? this.items : undefined;
    const pubs = publicationsOf(this.read().withEntries(entries), {
      nameChanges: nameChangesFrom(this.options.nameChanges ?? {}),
      ...(items ? { cache: items, cacheContext: this.mappingContext } : {}),
    });
    const fresh = pubs.problems.filter(
      (p) => !store.problems.includes(p) && !this.mappingProblems.some((q) => q.key === p.key && q.code === p.code),
    );
    this.mappingProblems.push(...fresh);
    return pubs;
  }

  /** Every entry as a CSL item (mapped once per session). */
  async publications(): Promise<Publications> {
    this.mapped ??= await this.mapping(this.loaded().entries);
    return this.mapped;
  }

  /** The list in one format and style; its problems name the store. */
  async render(options: ListOptions): Promise<RenderedList> {
    const sidecarWarnings: Problem[] = [];
    const rendered = await this.renderList(await this.withPage(options, sidecarWarnings));
    const file = this.loaded().file;
    return {
      ...rendered,
      problems: [...sidecarWarnings, ...rendered.problems.map((p) => (p.file === undefined ? { ...p, file } : p))],
    };
  }

  /**
   * The store as export-bib writes it. Entries exported by an earlier run with the same content and options come
   * from the cache and are not mapped; the mapping's problems are in `mappingProblems`, as for a list.
   */
  async exportBib(options: Omit<ExportOptions, 'blocks'>): Promise<ExportResult> {
    const store = this.loaded();
    const keys = this.read().contentKeys();
    const { exportBib, exportsOnItsOwn } = await import('../export/export.js');
    const blocks = this.exports ? new ExportBlocks(store.entries, keys, this.exports, options) : undefined;
    const missing = store.entries.filter((e) => !blocks || !exportsOnItsOwn(e) || !blocks.get(e));
    const items = missing.length > 0 ? (await this.mapping(missing)).items : [];
    blocks?.leaveOut(this.mappingProblems.flatMap((p) => (p.key === undefined ? [] : [p.key])));
    return exportBib(store.entries, items, { ...options, scan: store.scan, ...(blocks ? { blocks } : {}) });
  }

  /** A standalone HTML list is a publications page: each entry's links, abstract and BibTeX. */
  private async withPage(options: ListOptions, warnings: Problem[]): Promise<ListOptions> {
    const page = (options.format === 'html' && options.standalone) || DATA_FORMATS.has(options.format);
    if (!options.pageSpec || !page) return options;
    const spec = options.pageSpec;
    const extras = await pageExtras(
      this.read().contentKeys(),
      this.pages,
      () => this.publications(),
      this.options.storePath,
      {
        target: spec.bibtexTarget,
        ...(options.owner ? { owner: options.owner } : {}),
        ...(spec.linkFields ? { linkFields: spec.linkFields } : {}),
        ...(spec.linkBase ? { linkBase: spec.linkBase } : {}),
        ...(spec.previewBase ? { previewBase: spec.previewBase } : {}),
      },
      (file, message) => warnings.push({ severity: 'warning', code: 'damaged-sidecar', message, file }),
    );
    return {
      ...options,
      page: {
        extras,
        selectedFirst: options.pageSpec.selectedFirst,
        ...(options.pageSpec.css ? { css: options.pageSpec.css } : {}),
        ...(spec.header ? { header: spec.header } : {}),
        ...(spec.perEntry ? { perEntry: spec.perEntry } : {}),
        ...(spec.search ? { search: true } : {}),
        ...(spec.chart ? { chart: true } : {}),
      },
    };
  }

  private async renderList(options: ListOptions): Promise<RenderedList> {
    if (
      !DATA_FORMATS.has(options.format) &&
      rendersEntriesIndependently(options.style.xml, options.style.disambiguate)
    ) {
      // without the cache (--no-cache) the records live for this run only: the same path, the same output
      return renderFromRecords(options, {
        reading: this.read(),
        records: this.records ?? new Map<string, EntryRecord>(),
        map: (entries) => this.mapping(entries),
        pool: (left) => this.poolFor(left),
      });
    }
    const { prepareList, finishList } = await import('../render/list.js');
    const { renderItems } = await import('../render/render-items.js');
    // the workers start before the mapping, so that they are ready when it ends
    const pool = this.poolFor(this.loaded().entries.length);
    const prepared = prepareList((await this.publications()).items, options);
    const outcome = await renderItems(prepared, pool ? { pool } : {});
    return finishList(prepared, outcome);
  }

  /** The workers, started the first time this many entries are left to render. */
  private poolFor(left: number): WorkerPool | undefined {
    if (!this.pool && this.jobs > 0 && left >= PARALLEL_FROM) this.pool = WorkerPool.start(this.jobs);
    return this.pool;
  }

  /** Saves the caches and stops the workers. */
  async close(): Promise<void> {
    this.items?.save();
    this.records?.save();
    this.pages?.save();
    this.exports?.save();
    this.problems?.save();
    this.reading?.keepOutline();
    await this.pool?.close();
  }
}
