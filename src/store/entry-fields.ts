/** One entry's fields from its raw syntax: values resolved, annotations apart, and the entry's own problems. Pure. */
import { annotationFieldOf } from '../model/annotations.js';
import type { BibEntry } from '../model/entry.js';
import type { Problem } from '../model/problems.js';
import type { RawEntry } from '../model/syntax.js';
import { CONTROL_CHARACTERS, controlCharacterAt } from './field-text.js';
import type { LineIndex } from './lines.js';
import { resolveValue } from './values.js';

/** What reading an entry needs from its store. */
export interface EntryContext {
  readonly source: string;
  readonly file: string;
  readonly lines: LineIndex;
  /** The @strings defined before the entry. */
  readonly strings: ReadonlyMap<string, string>;
  /**
   * False when no control character can be in the entry's values (nearly always): neither the store, or neither the
   * entry's text nor the @strings it reads, holds one. No value is then searched for one.
   */
  readonly hasControls: boolean;
}

export interface EntryReading {
  readonly entry: BibEntry;
  readonly problems: readonly Problem[];
}

export function readEntryFields(raw: RawEntry, index: number, context: EntryContext): EntryReading {
  const { source, file, lines, strings, hasControls } = context;
  const problems: Problem[] = [];
  const line = lines.line(raw.span.start);
  if (hasControls && controlCharacterAt(raw.key) !== -1) {
    // a key is syntax, not a value: it cannot be read without the character, and would reach ids and anchors
    const at = raw.keySpan.start + controlCharacterAt(raw.key);
    const code = (source.codePointAt(at) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    problems.push({
      severity: 'error',
      code: 'control-character',
      message: `the key holds a control character (U+${code}), which a .bib never holds on purpose; the file may be damaged: remove it`,
      file,
      line: lines.line(at),
      column: at - source.lastIndexOf('\n', at - 1),
      key: raw.key.replace(CONTROL_CHARACTERS, ''),
    });
  }
  let controlWarned = false;
  const fields = new Map<string, string>();
  const annotations = new Map<string, string>();
  for (const field of raw.fields) {
    const value = resolveValue(field.parts, strings);
    if (value.undefinedMacros.length > 0) {
      problems.push(...undefinedStrings(value.undefinedMacros, file, lines.line(field.nameSpan.start), raw.key));
    }
    const annotation = annotationFieldOf(field.name);
    const target = annotation ? annotations : fields;
    const name = annotation
      ? annotation.name === 'default'
        ? annotation.field
        : `${annotation.field}:${annotation.name}`
      : field.name;
    if (target.has(name)) {
      problems.push({
        severity: 'warning',
        code: 'duplicate-field',
        message: `field "${field.name}" appears twice; the first value is used`,
        file,
        line: lines.line(field.nameSpan.start),
        key: raw.key,
      });
      continue;
    }
    let text = value.text;
    if (hasControls && controlCharacterAt(text) !== -1) {
      // a value is read without its control characters; the first one in an entry is said, naming it
      if (!controlWarned) {
        controlWarned = true;
        problems.push({
          severity: 'warning',
          code: 'control-character',
          message: 'holds a control character, which a .bib never holds on purpose; it is read without it (remove it)',
          file,
          line: lines.line(field.nameSpan.start),
          key: raw.key,
        });
      }
      text = text.replace(CONTROL_CHARACTERS, '');
    }
    target.set(name, text);
  }
  return { entry: { key: raw.key, type: raw.type, fields, annotations, line, index, raw }, problems };
}

/** An undefined @string name, said once per use. */
export function undefinedStrings(
  names: readonly string[],
  file: string,
  line: number,
  key: string | undefined,
): Problem[] {
  return names.map((name) => ({
    severity: 'warning',
    code: 'undefined-string',
    message: `"${name}" is not a defined @string; the value is left empty there`,
    file,
    line,
    ...(key !== undefined ? { key } : {}),
  }));
}
