/** From .bib text to entries: scan losslessly, resolve values, and report problems as data. Pure. */
import { annotationFieldOf } from '../model/annotations.js';
import type { BibEntry } from '../model/entry.js';
import type { Problem } from '../model/problems.js';
import { CONTROL_CHARACTERS, controlCharacterAt } from './field-text.js';
import { LineIndex } from './lines.js';
import { scanBibtex } from './scan.js';
import type { RawEntry, ScanResult } from '../model/syntax.js';
import { resolveValue } from './values.js';

export interface ParsedStore {
  readonly file: string;
  readonly scan: ScanResult;
  readonly entries: readonly BibEntry[];
  readonly strings: ReadonlyMap<string, string>;
  readonly problems: readonly Problem[];
  /** True when every entry parsed, so the file may be rewritten by span edits. */
  readonly lossless: boolean;
  /** The encoding the bytes were read in (utf-8 unless named): edits are written back in it. */
  readonly encoding?: string;
}

export function parseStore(source: string, file = '<input>'): ParsedStore {
  const scan = scanBibtex(source);
  const lines = new LineIndex(source);
  const problems: Problem[] = [];
  const strings = new Map<string, string>();
  const entries: BibEntry[] = [];
  let lossless = true;
  const controlReported = new Set<string>();
  // one search of the whole text, so that a clean store (nearly all) pays nothing per value
  const hasControls = controlCharacterAt(source) !== -1;

  for (const block of scan.blocks) {
    switch (block.kind) {
      case 'broken': {
        lossless = false;
        const p = block.problem;
        problems.push({
          severity: 'error',
          code: 'syntax',
          message:
            p.line === p.entryLine
              ? `${p.message} (the entry was skipped)`
              : `${p.message} (the entry starting on line ${p.entryLine} was skipped)`,
          file,
          line: p.line,
          column: p.column,
          snippet: p.snippet,
          ...(p.key !== undefined ? { key: p.key } : {}),
        });
        break;
      }
      case 'string': {
        const value = resolveValue(block.field.parts, strings);
        reportUndefined(value.undefinedMacros, lines.line(block.span.start), undefined);
        strings.set(block.field.name, value.text);
        break;
      }
      case 'entry':
        entries.push(toEntry(block, entries.length));
        break;
      default:
        break;
    }
  }
  return { file, scan, entries, strings, problems, lossless };

  function reportUndefined(names: readonly string[], line: number, key: string | undefined): void {
    for (const name of names) {
      problems.push({
        severity: 'warning',
        code: 'undefined-string',
        message: `"${name}" is not a defined @string; the value is left empty there`,
        file,
        line,
        ...(key !== undefined ? { key } : {}),
      });
    }
  }

  /** A value without control characters; the first one in an entry is reported, naming it. */
  function withoutControls(text: string, key: string, at: number): string {
    if (!hasControls || controlCharacterAt(text) === -1) return text;
    if (!controlReported.has(key)) {
      controlReported.add(key);
      problems.push({
        severity: 'warning',
        code: 'control-character',
        message: 'holds a control character, which a .bib never holds on purpose; it is read without it (remove it)',
        file,
        line: lines.line(at),
        key,
      });
    }
    return text.replace(CONTROL_CHARACTERS, '');
  }

  function toEntry(raw: RawEntry, index: number): BibEntry {
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
    const fields = new Map<string, string>();
    const annotations = new Map<string, string>();
    for (const field of raw.fields) {
      const value = resolveValue(field.parts, strings);
      if (value.undefinedMacros.length > 0)
        reportUndefined(value.undefinedMacros, lines.line(field.nameSpan.start), raw.key);
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
      target.set(name, withoutControls(value.text, raw.key, field.nameSpan.start));
    }
    return { key: raw.key, type: raw.type, fields, annotations, line, index, raw };
  }
}
