/**
 * An entry's values read as citation-js's BibTeX plugin reads them before it maps the entry to CSL (its
 * `parseEntryValues`, in `input/entries.js`), with one shortcut: a value of plain text is its own reading.
 *
 * The plugin reads every value with its grammar (a moo lexer and a recursive reader of tokens): a tenth of a cold
 * list's time. For a text field (`title`, `journal`, `pages`, an unknown field: the `String` rule over the
 * `stringLiteral` lexer state) whose value holds no brace, math shift, command, tie or ligature (`--`, `''`, two
 * backquotes), the grammar sees words and white space only: it returns the words with each run of white space as one
 * space. A verbatim field (`doi`, `url`) without braces, math or commands reads as its own text. A name list without
 * them (nor `=`) is read by the grammar's own three rules for names over the plugin's tokens for names, in
 * name-tokens.ts, and the plugin orders each name's words itself. Everything else is read by the plugin's grammar;
 * `test/csl/citation-js-values.test.ts` compares both readings over every entry of the corpora and random name
 * lists. Pure.
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
  const kind = shortcutKind(field, citationJs);
  if (kind === 'text' && !NOT_PLAIN_TEXT.test(value)) return value.replace(WHITE_SPACE, ' ');
  if (kind === 'verbatim' && !NOT_PLAIN_VERBATIM.test(value)) return value;
  if (kind === 'names' && !NOT_PLAIN_NAMES.test(value)) return plainNameList(value, citationJs) ?? parse();
  return parse();

  function parse(): unknown {
    return citationJs.parseValue(value, field, languages);
  }
}

/** What makes the grammar do more than split words: braces, math, commands, ties and the ligatures it replaces. */
const NOT_PLAIN_TEXT = /[{}$\\~]|--|''|``/;
const NOT_PLAIN_VERBATIM = /[{}$\\]/;
const NOT_PLAIN_NAMES = /[{}$\\~=]/;
const WHITE_SPACE = /\s+/g;

type Shortcut = 'text' | 'verbatim' | 'names' | 'none';

/** The shortcut a field allows, from the plugin's field types and its rules for choosing a field's grammar rule. */
function shortcutKind(field: string, citationJs: CitationJs): Shortcut {
  const [kind, type] = citationJs.fieldTypes[field] ?? [];
  if (kind === 'list' && type === 'name') return 'names';
  // fields of one value read in the lexer's `stringLiteral` state; lists, separated lists and names are not
  if (kind !== undefined && kind !== 'field') return 'none';
  if (type === 'verbatim') return 'verbatim';
  if (type === 'name' || type === 'uri') return 'none';
  // titles are read with the `String` rule unless the plugin is set to sentence-case them
  if (type === 'title') return sentenceCaseNever(citationJs) ? 'text' : 'none';
  return 'text';
}

function sentenceCaseNever(citationJs: CitationJs): boolean {
  const config = citationJs.plugins.config.get('@bibtex') as { parse?: { sentenceCase?: string } } | undefined;
  return config?.parse?.sentenceCase === 'never';
}
