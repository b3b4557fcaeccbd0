/**
 * `bibfolio check`: problems in the store, each with file, line and entry key. Pure: it takes what parsing and
 * mapping produced and returns problems as data.
 */
import { createRequire } from 'node:module';
import type { CslItem } from '../csl/types.js';
import { parseAnnotation } from '../model/annotations.js';
import type { BibEntry } from '../model/entry.js';
import type { OwnerMatcher } from '../model/names.js';
import type { Problem } from '../model/problems.js';
import { readLatex } from '../latex/read.js';
import { findDamagedNames } from './damaged-names.js';
import { nameListTroubles } from './name-lists.js';
import { lostCharacters } from './private-use.js';
import { lookupTable } from '../model/lookup-table.js';

const require = createRequire(import.meta.url);
type Requirement = string | string[];
type Requirements = { bibtex: Record<string, Requirement[]>; biblatex: Record<string, Requirement[]> };
let requirements: Requirements | undefined;
/** citation-js's table of the fields each entry type needs, read when first asked for. */
const required = (): Requirements =>
  (requirements ??= require('@citation-js/plugin-bibtex/lib/input/required.json') as Requirements);

/** Fields that satisfy a requirement under another name (BibTeX and biblatex spellings). */
const ALIASES: Readonly<Record<string, readonly string[]>> = lookupTable({
  journal: ['journal', 'journaltitle'],
  journaltitle: ['journal', 'journaltitle'],
  year: ['year', 'date'],
  date: ['year', 'date'],
  school: ['school', 'institution'],
  institution: ['institution', 'school'],
  address: ['address', 'location'],
});

export interface CheckInput {
  readonly file: string;
  readonly entries: readonly BibEntry[];
  readonly items: readonly CslItem[];
  readonly owner?: OwnerMatcher;
}

export function checkStore(input: CheckInput): Problem[] {
  const { file } = input;
  const problems: Problem[] = [];
  const at = (entry: BibEntry): { file: string; line: number; key: string } => ({
    file,
    line: entry.line,
    key: entry.key,
  });

  // duplicate keys
  const byKey = new Map<string, BibEntry>();
  for (const entry of input.entries) {
    const first = byKey.get(entry.key.toLowerCase());
    if (!first) {
      byKey.set(entry.key.toLowerCase(), entry);
      continue;
    }
    const exact = first.key === entry.key;
    problems.push({
      severity: 'error',
      code: 'duplicate-key',
      message: exact
        ? `the key "${entry.key}" is already used on line ${first.line}`
        : `the key "${entry.key}" differs only in case from "${first.key}" on line ${first.line} (BibTeX treats them as the same)`,
      ...at(entry),
    });
  }

  // the same publication twice
  const itemsByIndex = new Map(input.items.map((i) => [i.custom.index, i]));
  for (const [label, idOf] of [
    ['arXiv ID', (i: CslItem) => i.custom.arxiv],
    ['DOI', (i: CslItem) => i.DOI?.toLowerCase()],
  ] as const) {
    const seen = new Map<string, BibEntry>();
    for (const entry of input.entries) {
      const item = itemsByIndex.get(entry.index);
      const id = item && idOf(item);
      if (!id) continue;
      const first = seen.get(id);
      if (first && first.key !== entry.key) {
        problems.push({
          severity: 'error',
          code: 'duplicate-publication',
          message: `the ${label} ${id} is also on entry "${first.key}" (line ${first.line})`,
          ...at(entry),
        });
      } else if (!first) seen.set(id, entry);
    }
  }

  for (const entry of input.entries) {
    const item = itemsByIndex.get(entry.index);
    problems.push(...missingFields(entry, file));
    problems.push(...annotationProblems(entry, item, file));
    if (input.owner && item && (item.author?.length ?? 0) > 0 && input.owner.indexIn(item.author ?? []) === -1) {
      problems.push({
        severity: 'warning',
        code: 'owner-missing',
        message: item.custom.truncated
          ? 'the owner is not among the listed authors (the list ends with "and others": complete it, or sync it with arXiv)'
          : 'the owner is not among the authors',
        ...at(entry),
      });
    }
  }

  problems.push(...findDamagedNames(input.items, file));
  for (const entry of input.entries) problems.push(...unknownCommands(entry, file));
  for (const entry of input.entries) problems.push(...nameListTroubles(entry, file));
  for (const entry of input.entries) problems.push(...lostCharacters(entry, file));
  return problems;
}

/** Fields read as they are (no LaTeX in them). */
const VERBATIM = new Set(['url', 'doi', 'file', 'eprint', 'keywords', 'ids', 'crossref', 'xdata']);

/** LaTeX commands no table knows: printed as their argument's text, which may not be what the author meant. */
function unknownCommands(entry: BibEntry, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of entry.fields) {
    if (VERBATIM.has(field) || !/[\\$]/.test(value)) continue;
    const unknown = [...new Set(readLatex(value).unknown)];
    if (unknown.length === 0) continue;
    problems.push({
      severity: 'warning',
      code: 'unknown-latex-command',
      message: `field "${field}" uses ${unknown.map((c) => `\\${c}`).join(', ')}, which bibfolio does not know: lists print the command's argument as text; write the text or the Unicode character you mean`,
      file,
      line: entry.line,
      key: entry.key,
    });
  }
  return problems;
}

function missingFields(entry: BibEntry, file: string): Problem[] {
  const rules = required().bibtex[entry.type] ?? required().biblatex[entry.type];
  if (!rules) return [];
  const has = (field: string): boolean =>
    (ALIASES[field] ?? [field]).some((f) => (entry.fields.get(f) ?? '').trim() !== '');
  const missing = rules
    .filter((rule) => !(Array.isArray(rule) ? rule.some(has) : has(rule)))
    .map((rule) => (Array.isArray(rule) ? rule.join(' or ') : rule));
  if (missing.length === 0) return [];
  return [
    {
      severity: 'warning',
      code: 'missing-field',
      message: `@${entry.type} entries need ${missing.join(', ')}`,
      file,
      line: entry.line,
      key: entry.key,
    },
  ];
}

function annotationProblems(entry: BibEntry, item: CslItem | undefined, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [field, text] of entry.annotations) {
    const parsed = parseAnnotation(text);
    const where = { file, line: entry.line, key: entry.key };
    for (const bad of parsed.invalid) {
      problems.push({
        severity: 'error',
        code: 'bad-annotation',
        message: `${field}+an: cannot read "${bad}"`,
        ...where,
      });
    }
    const base = field.split(':')[0] ?? field;
    const names = base === 'author' ? item?.author : base === 'editor' ? item?.editor : undefined;
    if (!names) {
      if (!entry.fields.has(base)) {
        problems.push({
          severity: 'error',
          code: 'bad-annotation',
          message: `${field}+an annotates "${base}", which the entry does not have`,
          ...where,
        });
      }
      continue;
    }
    for (const position of parsed.items.keys()) {
      if (position >= 1 && position <= names.length) continue;
      const open = base === 'author' && item?.custom.truncated && position > names.length;
      problems.push({
        severity: open ? 'warning' : 'error',
        code: 'annotation-out-of-range',
        message: open
          ? `${field}+an marks name ${position}, which is not listed yet (the list ends with "and others")`
          : `${field}+an marks name ${position}, but "${base}" has ${names.length} name${names.length === 1 ? '' : 's'}`,
        ...where,
      });
    }
  }
  return problems;
}
