/** The months as BibTeX names them: the predefined macros (`jan` … `dec`) and their English names, once. Pure. */
import { lookupTable } from './lookup-table.js';

/** BibTeX's month macros, in order. */
export const MONTH_MACROS: readonly string[] = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

const NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The macros every BibTeX style predefines: `jan` -> `January`. */
export const MONTH_MACRO_VALUES: Readonly<Record<string, string>> = lookupTable(
  Object.fromEntries(MONTH_MACROS.map((m, i) => [m, NAMES[i] as string])),
);

/** A month's number (1–12) from `3`, `03`, `mar`, `March`, `march.`; undefined for anything else. */
export function monthNumber(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const i = MONTH_MACROS.indexOf(v.slice(0, 3));
  return i === -1 ? undefined : i + 1;
}

/** The macro for a month number (1 -> `jan`), or undefined. */
export function monthMacro(n: number): string | undefined {
  return MONTH_MACROS[n - 1];
}
