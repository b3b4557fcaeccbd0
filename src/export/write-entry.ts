/** One entry written as BibTeX: its name lists repaired where one reading is possible, each value made safe. */
import { NAME_FIELDS, readNameList, splitNames, TROUBLE_TEXT } from '../model/name-list.js';
import { latexAccentsToUnicode } from '../latex/accents.js';
import { safeText, safeVerbatim, UnsafeValueError } from '../latex/latex.js';
import { CASE_CHANGED_FIELDS, FIELD_ORDER, FIELD_SPELLING, KEY_FIELDS, VERBATIM_FIELDS } from './tables.js';
import { type OutEntry } from './transforms.js';
import { rewriteCommands, urlCommands } from './command-policy.js';
import { marksAsLatex } from '../conventions/name-marks.js';
import type { ExportTarget } from './targets.js';

export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Name lists BibTeX would stop on or misread, repaired where one reading is possible; the repairs, said. */
export function repairNameLists(out: OutEntry): string[] {
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

export function writeEntry(out: OutEntry, target: ExportTarget, commands: ReadonlySet<string>): string {
  const names = [...out.fields.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const lines = names.map((name) => {
    const value = out.fields.get(name) as { text: string; bare?: boolean };
    if (value.bare) return `  ${spell(name)} = ${value.text}`;
    let text: string;
    // accents and characters named by commands (`\\ocirc{u}`) as UTF-8, then the target's command policy
    // (a name list name by name: `Gla\ss and Martin` is two people, though a control word swallows a space after it)
    const source = NAME_FIELDS.has(name)
      ? marksAsLatex(splitNames(value.text).map(latexAccentsToUnicode).join(' and '))
      : latexAccentsToUnicode(value.text);
    try {
      text =
        VERBATIM_FIELDS.has(name) ||
        KEY_FIELDS.has(name) ||
        name === 'keywords' ||
        name === 'author+an' ||
        name === 'date'
          ? safeVerbatim(source)
          : safeText(rewriteCommands(source, target), {
              commands,
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
