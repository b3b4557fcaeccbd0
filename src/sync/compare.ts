/**
 * When two values of a field say the same thing: compared as read (LaTeX to Unicode by citation-js, braces and
 * markup dropped, white space collapsed), so `{SHADE-Arena}` equals `SHADE-Arena` and `H{\"a}gele` equals `Hägele`.
 */
import { monthNumber } from '../model/months.js';
import { foldText } from '../model/names.js';
import { load as citationJs } from '../vendor/citation-js.js';

function asText(value: string, field: string): string {
  let read: unknown;
  try {
    read = citationJs().parseValue(value, field);
  } catch {
    read = value;
  }
  const text = typeof read === 'string' ? read : JSON.stringify(read);
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

interface ReadName {
  readonly family?: string;
  readonly given?: string;
  readonly prefix?: string;
}

/** Names as folded `family|given` keys; `others` kept as a marker. */
export function nameKeys(value: string): string[] {
  let names: unknown;
  try {
    names = citationJs().parseValue(value, 'author');
  } catch {
    return [foldText(value)];
  }
  if (!Array.isArray(names)) return [foldText(String(names))];
  return (names as ReadName[]).map((n) => {
    const family = foldText([n.prefix, n.family].filter(Boolean).join(' ')).replace(/[^\p{L}\p{N}]/gu, '');
    const given = foldText(n.given ?? '')
      .replace(/[^\p{L}\p{N} ]/gu, '')
      .replace(/\s+/g, ' ')
      .trim();
    return `${family}|${given}`;
  });
}

export { monthNumber } from '../model/months.js';

export function sameValue(field: string, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a === b) return true;
  switch (field) {
    case 'author':
    case 'editor':
      return nameKeys(a).join(';') === nameKeys(b).join(';');
    case 'month':
      return monthNumber(a) !== undefined && monthNumber(a) === monthNumber(b);
    case 'doi':
      return a.trim().toLowerCase() === b.trim().toLowerCase();
    case 'url':
      return a.trim().replace(/\/$/, '') === b.trim().replace(/\/$/, '');
    case 'archiveprefix':
    case 'eprinttype':
      return a.trim().toLowerCase() === b.trim().toLowerCase();
    default:
      return asText(a, field) === asText(b, field);
  }
}
