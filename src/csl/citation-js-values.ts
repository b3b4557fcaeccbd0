/**
 * An entry's values read as citation-js's BibTeX plugin reads them before it maps the entry to CSL (its
 * `parseEntryValues`, in `input/entries.js`), with a shortcut for plain values.
 *
 * The plugin reads every value with its grammar (`input/value.js`: a moo lexer and a recursive reader of tokens): in
 * profiles, two thirds of citation-js's share of a cold list. On a value without math shifts, commands or ties its
 * lexer makes only words, white space, braces and the separators of lists, and its rules do little:
 * - a text field (`title`, `journal`, `pages`, an unknown field: the rule `String` in the lexer state
 *   `stringLiteral`) is its words with each run of white space as one space and the ligatures `--`, `---`, two
 *   backquotes and two quotes as their characters, its braces dropped when they balance;
 * - a verbatim field (`doi`, `url`: `StringVerbatim`) is its text, when its braces balance;
 * - a list of literals without braces (`publisher`, `address`: `StringList`, `listLiteral`) is split at ` and `,
 *   each part read as text; one part is the value itself, not a list;
 * - a separated list without braces (`keywords`: `StringSeparated`, `separatedLiteral`) is split at commas, each part
 *   read as text and trimmed, a comma at the end starting no part;
 * - a name list without braces or `=` is read by the plugin's own rules for names over its tokens for names
 *   (name-tokens.ts).
 * These rules follow the plugin's, on such values only; everything else is read by the plugin's grammar.
 * `test/csl/citation-js-values.test.ts` compares both readings over every entry of the corpora and random values.
 * Pure.
 */
import type { CitationJs } from '../vendor/citation-js.js';
import { plainNameList } from './name-tokens.js';

/** An entry as the plugin's mapping takes it: its values read. */
export interface ValuesRead {
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

export function readEntryValues(
  entry: { type: string; label: string; properties: Record<string, string> },
  citationJs: CitationJs,
): ValuesRead {
  const properties: Record<string, unknown> = {};
  const language = entry.properties.language;
  if (language !== undefined) properties.language = citationJs.parseValue(language, 'language');
  for (const [field, value] of Object.entries(entry.properties)) {
    if (value === '') continue;
    properties[field] = readValue(value, field, properties.language, citationJs);
  }
  return { type: entry.type, label: entry.label, properties };
}

/** One value as the plugin reads it (see the module comment). */
export function readValue(value: string, field: string, languages: unknown, citationJs: CitationJs): unknown {
  const rule = plainRule(field, citationJs);
  if (rule === undefined || value === '' || NOT_PLAIN.test(value))
    return citationJs.parseValue(value, field, languages);
  if (rule === 'text' || rule === 'verbatim') {
    const groups = groupTexts(value);
    if (groups === undefined) return citationJs.parseValue(value, field, languages);
    return rule === 'verbatim' ? value : groups.map((group) => text(group, citationJs)).join('');
  }
  if (BRACES.test(value)) return citationJs.parseValue(value, field, languages);
  if (rule === 'list') {
    const parts = listParts(value).map((part) => text(part, citationJs));
    return parts.length === 1 ? parts[0] : parts;
  }
  if (rule === 'separated') return separatedParts(value).map((part) => text(part, citationJs).trim());
  const names = value.includes('=') ? undefined : plainNameList(value, citationJs);
  return names ?? citationJs.parseValue(value, field, languages);
}

/** What makes the grammar do more than split words and drop braces: math, commands and ties. */
const NOT_PLAIN = /[$\\~]/;
const BRACES = /[{}]/;
const WHITE_SPACE = /\s+/g;
const LIGATURES = /---?|''|``/g;

/**
 * The texts between a value's braces, when they balance (the lexer refuses a `}` that closes nothing, and a group
 * left open). The rule `String` drops the braces of a group (it protects case only when it sentence-cases), and its
 * tokens end at each brace: `-{-}-` is three hyphens, not a dash.
 */
function groupTexts(value: string): string[] | undefined {
  if (!BRACES.test(value)) return [value];
  const texts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '{' && c !== '}') continue;
    depth += c === '{' ? 1 : -1;
    if (depth < 0) return undefined;
    texts.push(value.slice(start, i));
    start = i + 1;
  }
  texts.push(value.slice(start));
  return depth === 0 ? texts : undefined;
}

/** Words as the rule `Text` reads them one by one: white space as one space, ligatures as their characters. */
function text(value: string, citationJs: CitationJs): string {
  const spaced = value.replace(WHITE_SPACE, ' ');
  return spaced.includes('-') || spaced.includes("'") || spaced.includes('`')
    ? spaced.replace(LIGATURES, (ligature) => citationJs.ligatures[ligature] ?? ligature)
    : spaced;
}

/** The lexer state `listLiteral`'s tokens ` and ` (this case only), white space and words, in its order. */
const LIST_TOKEN = /(\s+and\s+)|\s+|\S+/y;

/** A list's parts as `StringList` collects them: a part ends at ` and `; an ` and ` at the end starts none. */
function listParts(value: string): string[] {
  const parts: string[] = [];
  let part = '';
  LIST_TOKEN.lastIndex = 0;
  for (let m = LIST_TOKEN.exec(value); m; m = LIST_TOKEN.exec(value)) {
    if (m[1] === undefined) {
      part += m[0];
      continue;
    }
    parts.push(part);
    part = '';
    if (LIST_TOKEN.lastIndex >= value.length) return parts;
  }
  parts.push(part);
  return parts;
}

/**
 * A separated list's parts as `StringSeparated` collects them: a part ends at a comma; the white space after a comma
 * is read past, so a comma at the end (with white space after it or not) starts no part.
 */
function separatedParts(value: string): string[] {
  const parts = value.split(',');
  if (parts.length > 1 && /^\s*$/.test(parts[parts.length - 1] as string)) parts.pop();
  return parts;
}

type PlainRule = 'text' | 'verbatim' | 'list' | 'separated' | 'names';

/** The rule a field's plain value is read by, from the plugin's field types and its choice of grammar rule. */
function plainRule(field: string, citationJs: CitationJs): PlainRule | undefined {
  // own properties only: a field named `constructor` or `toString` is a field like any other
  const [kind, type] = (Object.hasOwn(citationJs.fieldTypes, field) && citationJs.fieldTypes[field]) || [];
  if (type === 'name') return kind === 'list' ? 'names' : undefined;
  if (type === 'title') return kind === 'field' && sentenceCaseNever(citationJs) ? 'text' : undefined;
  if (kind === 'list') return 'list';
  if (kind === 'separated') return 'separated';
  if (kind !== undefined && kind !== 'field') return undefined;
  if (type === 'verbatim') return 'verbatim';
  // a field of one value whose type names another rule (`uri`; none of the plugin's is `list` or `separated`)
  if (type === 'uri' || type === 'list' || type === 'separated') return undefined;
  return 'text';
}

/** Titles are read with `String` unless the plugin is set to sentence-case them. */
function sentenceCaseNever(citationJs: CitationJs): boolean {
  const config = citationJs.plugins.config.get('@bibtex') as { parse?: { sentenceCase?: string } } | undefined;
  return config?.parse?.sentenceCase === 'never';
}
