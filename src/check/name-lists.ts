/** Name lists that BibTeX stops on or misreads: people joined by commas, too many commas, a comma at the end. */
import type { BibEntry } from '../model/entry.js';
import { NAME_FIELDS, readNameList, TROUBLE_TEXT } from '../model/name-list.js';
import type { Problem } from '../model/problems.js';

export function nameListTroubles(entry: BibEntry, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of entry.fields) {
    if (!NAME_FIELDS.has(field)) continue;
    for (const t of readNameList(value).troubles) {
      const next = t.repair
        ? `export-bib writes it as ${t.repair.map((n) => `"${n}"`).join(' and ')}; write it so in the store`
        : t.fatal
          ? 'bibtex stops on it and export-bib leaves the entry out; fix it in the store'
          : 'BibTeX reads it as one person; if they are two, separate them with "and"';
      problems.push({
        severity: 'warning',
        code: 'name-list',
        message: `${field}: "${t.name}" ${TROUBLE_TEXT[t.trouble]}; ${next}`,
        file,
        line: entry.line,
        key: entry.key,
      });
    }
  }
  return problems;
}
