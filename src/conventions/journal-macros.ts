/**
 * The AAS journal macros (`aas_macros.sty`, which ADS writes into every export: `journal = {\mnras}`), as data: the
 * macro -> the journal's usual abbreviation, which is what the macro prints. A list shows the abbreviation; the
 * export keeps the macro (the document loads `aas_macros.sty` or an AAS, MNRAS or A&A class) unless asked to expand
 * it (`export.journalMacros: "expand"`).
 */
import { lookupTable } from '../model/lookup-table.js';

export const AAS_JOURNAL_MACROS: Readonly<Record<string, string>> = lookupTable({
  aj: 'AJ',
  actaa: 'Acta Astron.',
  araa: 'ARA&A',
  apj: 'ApJ',
  apjl: 'ApJL',
  apjs: 'ApJS',
  ao: 'Appl. Opt.',
  apss: 'Ap&SS',
  aap: 'A&A',
  aapr: 'A&A Rev.',
  aaps: 'A&AS',
  azh: 'AZh',
  baas: 'BAAS',
  bac: 'Bull. Astron. Inst. Czechoslovakia',
  caa: 'Chinese Astron. Astrophys.',
  cjaa: 'Chinese J. Astron. Astrophys.',
  icarus: 'Icarus',
  jcap: 'J. Cosmology Astropart. Phys.',
  jrasc: 'JRASC',
  memras: 'MmRAS',
  mnras: 'MNRAS',
  na: 'New A',
  nar: 'New A Rev.',
  pra: 'Phys. Rev. A',
  prb: 'Phys. Rev. B',
  prc: 'Phys. Rev. C',
  prd: 'Phys. Rev. D',
  pre: 'Phys. Rev. E',
  prl: 'Phys. Rev. Lett.',
  pasa: 'PASA',
  pasp: 'PASP',
  pasj: 'PASJ',
  psj: 'PSJ',
  rmxaa: 'Rev. Mexicana Astron. Astrofis.',
  qjras: 'QJRAS',
  skytel: 'S&T',
  solphys: 'Sol. Phys.',
  sovast: 'Soviet Ast.',
  ssr: 'Space Sci. Rev.',
  zap: 'ZAp',
  nat: 'Nature',
  iaucirc: 'IAU Circ.',
  aplett: 'Astrophys. Lett.',
  apspr: 'Astrophys. Space Phys. Res.',
  bain: 'Bull. Astron. Inst. Netherlands',
  fcp: 'Fund. Cosmic Phys.',
  gca: 'Geochim. Cosmochim. Acta',
  grl: 'Geophys. Res. Lett.',
  jcp: 'J. Chem. Phys.',
  jgr: 'J. Geophys. Res.',
  jqsrt: 'J. Quant. Spec. Radiat. Transf.',
  memsai: 'Mem. Soc. Astron. Italiana',
  nphysa: 'Nucl. Phys. A',
  physrep: 'Phys. Rep.',
  physscr: 'Phys. Scr',
  planss: 'Planet. Space Sci.',
  procspie: 'Proc. SPIE',
});

/** Fields where a journal macro names the venue. */
export const VENUE_FIELDS: ReadonlySet<string> = new Set(['journal', 'journaltitle', 'booktitle', 'series']);

const MACRO = /\\([A-Za-z]+)(?![A-Za-z])(?:\s*\{\})?/g;

/** Whether a value uses a journal macro. */
export function journalMacrosIn(value: string): string[] {
  return [...value.matchAll(MACRO)].map((m) => m[1] ?? '').filter((name) => AAS_JOURNAL_MACROS[name] !== undefined);
}

/** The value with each journal macro as the text it prints, escaped for LaTeX (`A\&A`). */
export function expandJournalMacros(value: string): string {
  return value.replace(MACRO, (whole, name: string) => {
    const text = AAS_JOURNAL_MACROS[name];
    return text === undefined ? whole : text.replace(/&/g, '\\&');
  });
}
