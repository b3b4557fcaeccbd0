/**
 * `export-bib`: the store as a clean .bib for LaTeX. Parse, then one small transform per concern, then a writer.
 *
 * - `bibtex` target, for classic bibtex and natbib styles: pure ASCII (accents as LaTeX commands), capitals that a
 *   lower-casing style would destroy braced, months as macros, preprints as `journal = {arXiv preprint arXiv:ID}` so
 *   that plain, unsrtnat and IEEEtran print the identifier, biblatex-only fields left out.
 * - `biblatex` target, for biber: UTF-8, biblatex types and fields (`journaltitle`, `date`, `eprinttype = {arxiv}`,
 *   `eprintclass`), the `author+an` annotations kept, and `highlight` added on the owner's position.
 * A value that could break the .bib or run a command in the reader's document is refused, naming entry and field.
 */
import type { CslItem } from '../csl/types.js';
import type { BibEntry } from '../model/entry.js';
import type { OwnerMatcher } from '../model/names.js';
import type { Problem } from '../model/problems.js';
import {
  crossReferencedLast,
  keepReachableKeys,
  startEntry,
  toBiblatex,
  toBibtex,
  type OutEntry,
} from './transforms.js';
import { passedCommands } from './command-policy.js';
import type { ExportTarget } from './targets.js';
import type { ScanResult } from '../model/syntax.js';
import type { JournalMacroMode } from './journal-macro-modes.js';
import { copiedAsWritten, keptBlocks } from './copy-through.js';
import { FieldError, repairNameLists, writeEntry } from './write-entry.js';
import { expandJournalMacros, journalMacrosIn, VENUE_FIELDS } from '../conventions/journal-macros.js';
import {
  definitionsPreamble,
  journalMacroNote,
  keptJournalMacros,
  preambleCommands,
  SORTING_COMMANDS,
} from './macros.js';

export { EXPORT_TARGETS, type ExportTarget } from './targets.js';

export interface ExportOptions {
  readonly target: ExportTarget;
  readonly owner?: OwnerMatcher;
  readonly selectedOnly: boolean;
  /** Only these keys, when given. */
  readonly keys?: readonly string[];
  readonly file: string;
  /** A first comment line, e.g. where the file comes from. */
  readonly header?: string;
  /**
   * Blocks exported by an earlier run, by entry (the caller keys them by the entry's content and the options). An
   * entry with a block needs no item; an entry that names others (`crossref`, `xdata`) is never looked up or kept.
   */
  readonly blocks?: ExportBlockCache;
  /**
   * The store's text and blocks: its `@string` and `@preamble` blocks are kept in the export, and an entry that cannot
   * be cleaned is copied as the owner wrote it (unless it holds a command that reaches files or the shell).
   */
  readonly scan?: ScanResult;
  /**
   * The AAS journal macros (`journal = {\mnras}`): kept, for a document that loads `aas_macros.sty` or an AAS, MNRAS
   * or A&A class (the default, with a note), or expanded to the abbreviation they print.
   */
  readonly journalMacros?: JournalMacroMode;
}

export { JOURNAL_MACRO_MODES, type JournalMacroMode } from './journal-macro-modes.js';

/** One entry as export-bib writes it (no text when it is refused), with what it says about the entry. */
export interface ExportedBlock {
  readonly selected: boolean;
  readonly text?: string;
  readonly problems: readonly Pick<Problem, 'severity' | 'code' | 'message'>[];
}

export interface ExportBlockCache {
  get(entry: BibEntry): ExportedBlock | undefined;
  set(entry: BibEntry, block: ExportedBlock): void;
}

/** Whether an entry's block depends on nothing but the entry itself (not on which other entries are exported). */
export function exportsOnItsOwn(entry: BibEntry): boolean {
  return !entry.fields.has('crossref') && !entry.fields.has('xdata');
}

export interface ExportResult {
  readonly text: string;
  readonly count: number;
  readonly problems: readonly Problem[];
}

const SAFE_KEY = /^[^\s,{}()"#%'=~\\]+$/;

export function exportBib(
  entries: readonly BibEntry[],
  items: readonly CslItem[],
  options: ExportOptions,
): ExportResult {
  const problems: Problem[] = [];
  const byIndex = new Map(items.map((i) => [i.custom.index, i]));
  const wanted = options.keys ? new Set(options.keys) : undefined;
  for (const key of options.keys ?? []) {
    if (!entries.some((e) => e.key === key)) {
      problems.push({
        severity: 'error',
        code: 'unknown-key',
        message: `--keys names "${key}", which is not in the store`,
        file: options.file,
      });
    }
  }
  const cached = new Map<number, ExportedBlock>();
  if (options.blocks) {
    for (const entry of entries) {
      const block = exportsOnItsOwn(entry) ? options.blocks.get(entry) : undefined;
      if (block) cached.set(entry.index, block);
    }
  }
  const included = (entry: BibEntry): boolean => {
    const selected = cached.get(entry.index)?.selected ?? byIndex.get(entry.index)?.custom.selected;
    return selected !== undefined && (!wanted || wanted.has(entry.key)) && (!options.selectedOnly || selected === true);
  };
  const exportedKeys = new Set(entries.filter(included).map((e) => e.key.toLowerCase()));
  const seen = new Set<string>();
  const blocks: { key: string; text: string }[] = [];
  for (const entry of entries) {
    if (!included(entry)) continue;
    const where = { file: options.file, line: entry.line, key: entry.key };
    if (!SAFE_KEY.test(entry.key)) {
      problems.push({
        severity: 'error',
        code: 'unsafe-key',
        message: 'the key has characters BibTeX cannot read in a key (space, comma, braces, quotes, #, %, =, ~, \\)',
        ...where,
      });
      continue;
    }
    if (options.target === 'bibtex' && /[^\x00-\x7f]/.test(entry.key)) {
      // bibtex reads UTF-8 keys byte by byte: the entry as written works where the original does
      const copy = options.scan ? copiedAsWritten(entry, options.scan.source) : undefined;
      problems.push(
        copy?.text !== undefined
          ? {
              severity: 'warning',
              code: 'copied-as-written',
              message:
                'the key has non-ASCII characters, which the pure-ASCII bibtex target does not write: the entry is copied as written in the store (rename the key, or export with --target biblatex)',
              ...where,
            }
          : {
              severity: 'error',
              code: 'unsafe-key',
              message:
                'the key has non-ASCII characters, which the pure-ASCII bibtex target cannot write; rename the key (and its \\cite commands) or export with --target biblatex',
              ...where,
            },
      );
      if (copy?.text !== undefined) blocks.push({ key: entry.key, text: copy.text });
      seen.add(entry.key.toLowerCase());
      continue;
    }
    if (seen.has(entry.key.toLowerCase())) {
      // as bibtex does: the first entry with a key is the one, a later copy is left out with a warning
      problems.push({
        severity: 'warning',
        code: 'duplicate-key',
        message: 'the key is used twice; as bibtex does, the first entry is exported and this copy is left out',
        ...where,
      });
      continue;
    }
    seen.add(entry.key.toLowerCase());
    let block = cached.get(entry.index);
    if (!block) {
      block = exportEntry(entry, byIndex.get(entry.index) as CslItem, options, exportedKeys, options.scan?.source);
      if (exportsOnItsOwn(entry)) options.blocks?.set(entry, block);
    }
    for (const p of block.problems) problems.push({ ...p, ...where });
    if (block.text !== undefined) blocks.push({ key: entry.key, text: block.text });
  }
  const header = options.header ? `% ${options.header}\n\n` : '';
  const kept = options.scan ? keptBlocks(options.scan, options.file) : { text: '', problems: [] };
  problems.push(...kept.problems);
  const exported = blocks.map((b) => b.text).join('\n');
  const journals = (options.journalMacros ?? 'keep') === 'keep' ? keptJournalMacros(exported) : [];
  if (journals.length > 0) problems.push(journalMacroNote(journals, options.file));
  const text =
    header +
    kept.text +
    definitionsPreamble(exported, options.scan, journals) +
    crossReferencedLast(blocks, entries)
      .map((b) => b.text)
      .join('\n');
  return { text, count: blocks.length, problems };
}

/** One entry through the transforms and the writer. */
function exportEntry(
  entry: BibEntry,
  item: CslItem,
  options: ExportOptions,
  exportedKeys: ReadonlySet<string>,
  source: string | undefined,
): ExportedBlock {
  const problems: ExportedBlock['problems'][number][] = [];
  const out = startEntry(entry);
  if (options.target === 'bibtex') toBibtex(out, item);
  else toBiblatex(out, entry, item, options.owner);
  const commands = allowedCommands(out, options);
  for (const message of keepReachableKeys(out, exportedKeys))
    problems.push({ severity: 'warning', code: 'key-field', message });
  const selected = item.custom.selected === true;
  try {
    for (const repaired of repairNameLists(out))
      problems.push({ severity: 'warning', code: 'name-list', message: repaired });
    return { selected, text: writeEntry(out, options.target, commands), problems };
  } catch (err) {
    if (!(err instanceof FieldError)) throw err;
    // the many are never punished for the one: an entry that cannot be cleaned is copied as the owner wrote it,
    // unless what it holds reaches files or the shell; then it alone is left out, named
    const copy = source === undefined ? undefined : copiedAsWritten(entry, source);
    if (copy?.text !== undefined) {
      problems.push({
        severity: 'warning',
        code: 'copied-as-written',
        message: `field "${err.field}" ${err.message}; the entry is copied as written in the store`,
      });
      return { selected, text: copy.text, problems };
    }
    problems.push({
      severity: 'error',
      code: 'unsafe-value',
      message: `field "${err.field}" ${err.message}${copy?.why ? `; ${copy.why}` : ''}; the entry is left out`,
    });
    return { selected, problems };
  }
}

/**
 * Commands an entry may pass beyond the target's: the journal macros in its venue (kept, or expanded here), the
 * commands the store's `@preamble` defines (kept with it), and the sorting macros (defined by the export when the
 * store does not).
 */
function allowedCommands(out: OutEntry, options: ExportOptions): ReadonlySet<string> {
  const allowed = new Set([...passedCommands(options.target), ...preambleCommands(options.scan), ...SORTING_COMMANDS]);
  for (const [name, value] of out.fields) {
    if (!VENUE_FIELDS.has(name) && name !== 'journaltitle') continue;
    if (!value.text.includes('\\')) continue;
    if ((options.journalMacros ?? 'keep') === 'expand')
      out.fields.set(name, { ...value, text: expandJournalMacros(value.text) });
    else for (const macro of journalMacrosIn(value.text)) allowed.add(macro);
  }
  return allowed;
}
