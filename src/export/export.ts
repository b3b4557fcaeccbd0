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
import { NAME_FIELDS, readNameList, TROUBLE_TEXT } from '../model/name-list.js';
import { latexAccentsToUnicode, safeText, safeVerbatim, UnsafeValueError } from '../latex/latex.js';
import { CASE_CHANGED_FIELDS, FIELD_ORDER, FIELD_SPELLING, KEY_FIELDS, VERBATIM_FIELDS } from './tables.js';
import {
  crossReferencedLast,
  keepReachableKeys,
  startEntry,
  toBiblatex,
  toBibtex,
  type OutEntry,
} from './transforms.js';
import { passedCommands, rewriteCommands, urlCommands } from './command-policy.js';
import type { ExportTarget } from './targets.js';

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
  const included = (entry: BibEntry, item: CslItem | undefined): item is CslItem =>
    item !== undefined &&
    (!wanted || wanted.has(entry.key)) &&
    (!options.selectedOnly || item.custom.selected === true);
  const exportedKeys = new Set(
    entries.filter((e) => included(e, byIndex.get(e.index))).map((e) => e.key.toLowerCase()),
  );
  const seen = new Set<string>();
  const blocks: { key: string; text: string }[] = [];
  for (const entry of entries) {
    const item = byIndex.get(entry.index);
    if (!included(entry, item)) continue;
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
      problems.push({
        severity: 'error',
        code: 'unsafe-key',
        message:
          'the key has non-ASCII characters, which the pure-ASCII bibtex target cannot write; rename the key (and its \\cite commands) or export with --target biblatex',
        ...where,
      });
      continue;
    }
    if (seen.has(entry.key.toLowerCase())) {
      problems.push({
        severity: 'error',
        code: 'duplicate-key',
        message: 'the key is used twice; keys must be unique',
        ...where,
      });
      continue;
    }
    seen.add(entry.key.toLowerCase());
    const out = startEntry(entry);
    if (options.target === 'bibtex') toBibtex(out, item);
    else toBiblatex(out, entry, item, options.owner);
    for (const message of keepReachableKeys(out, exportedKeys))
      problems.push({ severity: 'warning', code: 'key-field', message, ...where });
    try {
      for (const repaired of repairNameLists(out))
        problems.push({ severity: 'warning', code: 'name-list', message: repaired, ...where });
      blocks.push({ key: entry.key, text: writeEntry(out, options.target) });
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      problems.push({
        severity: 'error',
        code: 'unsafe-value',
        message: `field "${err.field}" ${err.message}`,
        ...where,
      });
    }
  }
  const header = options.header ? `% ${options.header}\n\n` : '';
  const text =
    header +
    crossReferencedLast(blocks, entries)
      .map((b) => b.text)
      .join('\n');
  return { text, count: blocks.length, problems };
}

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Name lists BibTeX would stop on or misread, repaired where one reading is possible; the repairs, said. */
function repairNameLists(out: OutEntry): string[] {
  const said: string[] = [];
  for (const [field, value] of out.fields) {
    if (!NAME_FIELDS.has(field)) continue;
    const reading = readNameList(value.text);
    for (const t of reading.troubles) {
      if (t.repair)
        said.push(
          `${field}: "${t.name}" ${TROUBLE_TEXT[t.trouble]}; written as ${t.repair.map((n) => `"${n}"`).join(' and ')}`,
        );
      else if (t.fatal)
        throw new FieldError(
          field,
          `has "${t.name}", which ${TROUBLE_TEXT[t.trouble]}; bibtex and biber cannot read it, fix it in the store`,
        );
    }
    out.fields.set(field, { ...value, text: reading.text });
  }
  return said;
}

function spell(name: string): string {
  return FIELD_SPELLING[name] ?? name;
}

function writeEntry(out: OutEntry, target: ExportTarget): string {
  const names = [...out.fields.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const lines = names.map((name) => {
    const value = out.fields.get(name) as { text: string; bare?: boolean };
    if (value.bare) return `  ${spell(name)} = ${value.text}`;
    let text: string;
    // accents and characters named by commands (`\\ocirc{u}`) as UTF-8, then the target's command policy
    const source = latexAccentsToUnicode(value.text);
    try {
      text =
        VERBATIM_FIELDS.has(name) ||
        KEY_FIELDS.has(name) ||
        name === 'keywords' ||
        name === 'author+an' ||
        name === 'date'
          ? safeVerbatim(source)
          : safeText(rewriteCommands(source, target), {
              commands: passedCommands(target),
              urlCommands: urlCommands(target),
              ascii: target === 'bibtex',
              pdflatex: target === 'biblatex',
              protectCapitals: CASE_CHANGED_FIELDS.has(name),
            });
    } catch (err) {
      if (err instanceof UnsafeValueError) throw new FieldError(name, err.message);
      throw err;
    }
    return `  ${spell(name)} = {${text}}`;
  });
  return `@${out.type}{${out.key},\n${lines.join(',\n')}\n}\n`;
}

function rank(name: string): number {
  const i = FIELD_ORDER.indexOf(name);
  return i === -1 ? FIELD_ORDER.length : i;
}
