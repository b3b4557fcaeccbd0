/**
 * How a style prints names, learnt once per style from probe items rendered by citeproc-js (see csl/engine.ts): which
 * side the given name is on, whether initials carry periods, whether the style prints names in capitals.
 */
import type { CslName } from './types.js';
import { IR, personIndex, plain } from './ir.js';
import { markedName, type NameCase, type NameForm, type NameLayout, type SupRun } from './authors.js';

const SUP_RUN = new RegExp(`${IR.SUP_OPEN}([^${IR.SUP_OPEN}${IR.SUP_CLOSE}]*)${IR.SUP_CLOSE}`, 'g');
/** What may stand between the parts of one name: spaces, commas, periods, and the style's formatting of the parts. */
export const NAME_GAP = /^[\s\u00a0,.\uE000-\uE00B]*$/;

export function supRuns(ir: string): SupRun[] {
  const runs: SupRun[] = [];
  for (const m of ir.matchAll(SUP_RUN)) {
    const inner = m[1] ?? '';
    let person: number | undefined;
    for (const ch of inner) person ??= personIndex(ch);
    runs.push({ start: m.index, end: m.index + m[0].length, inner, ...(person !== undefined ? { person } : {}) });
  }
  return runs;
}

const PROBE_TITLE = 'Zzyzx';
const PROBE_GIVEN = 'Given';

function probeItem(author: CslName[], i: number) {
  return {
    id: `\u0000bibfolio-probe-${i}`,
    type: 'article-journal',
    title: PROBE_TITLE,
    author,
    issued: { 'date-parts': [[2000]] },
  };
}

/**
 * Four probe items that show how a style prints names: one marked author first, then one marked author between
 * unmarked ones (with a single marked person per item, every name run in the output is that person's); then the same
 * two with no markup at all, which show the case the style gives names.
 */
export function probeItems(): Array<ReturnType<typeof probeItem>> {
  const plainName = (i: number): CslName => ({ family: `Plain${i}`, given: 'Other' });
  const probe: CslName = { family: 'Probe', given: PROBE_GIVEN };
  const marked = markedName(probe, 0);
  return [
    [marked, plainName(1), plainName(2)],
    [plainName(0), marked, plainName(2)],
    [probe, plainName(1), plainName(2)],
    [plainName(0), probe, plainName(2)],
  ].map(probeItem);
}

function sidesIn(probeIr: string): Array<Pick<NameForm, 'side' | 'period'>> {
  const runs = supRuns(probeIr);
  const sides: Array<Pick<NameForm, 'side' | 'period'>> = [];
  runs.forEach((family, at) => {
    if (family.person !== 0) return;
    const before = runs[at - 1];
    const after = runs[at + 1];
    // a neighbouring superscript is the given name only if it reads as one (not a superscript citation number)
    const given = (r: SupRun | undefined): r is SupRun =>
      r !== undefined && r.person === undefined && isGivenForm(r.inner, PROBE_GIVEN);
    if (given(before) && NAME_GAP.test(probeIr.slice(before.end, family.start)))
      sides.push({ side: 'before', period: probeIr[family.end] === '.' });
    else if (given(after) && NAME_GAP.test(probeIr.slice(family.end, after.start)))
      sides.push({ side: 'after', period: probeIr[after.end] === '.' });
    else sides.push({ side: 'none', period: probeIr[family.end] === '.' });
  });
  return sides;
}

/** The case of each printing of the probe name in a plain render: `PROBE`, and `GIVEN` next to it. */
function casesIn(plainIr: string): NameCase[] {
  const text = plain(plainIr);
  return [...text.matchAll(/probe/gi)].map((m) => {
    const near = text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12);
    return { family: m[0] === 'PROBE', given: /GIVEN/.test(near) };
  });
}

function forms(markedIr: string, plainIr: string): NameForm[] {
  const sides = sidesIn(markedIr);
  const cases = casesIn(plainIr);
  const count = Math.max(sides.length, 1);
  return Array.from({ length: count }, (_, k) => ({
    side: sides[k]?.side ?? 'none',
    period: sides[k]?.period ?? false,
    upper: cases[k] ?? { family: false, given: false },
  }));
}

/** From the renders of `probeItems()`, in order, in the engine's locale. */
export function learnNameLayout(
  first: string,
  rest: string,
  plainFirst = '',
  plainRest = '',
  terms: { readonly lang?: string; readonly etAl?: string; readonly and?: readonly string[] } = {},
): NameLayout {
  return { first: forms(first, plainFirst), rest: forms(rest, plainRest), ...terms };
}

/** A name's letters only, lower-cased: how a printed name is compared with a given name. */
const fold = (text: string): string =>
  plain(text)
    .replace(/[\s\u00a0.,-]/g, '')
    .toLowerCase();

const initial = (word: string): string => (word[0] ?? '').toLowerCase();

/**
 * Whether a superscript run is a form of this given name: whole, its initials (`Joe`, `J.`, `J.-P.`), or initials
 * beside words the style keeps whole (`J. de` for `Jean de`, whose lower-case word citeproc-js does not initialize).
 */
export function isGivenForm(inner: string, given: string | undefined): boolean {
  if (!given) return false;
  const text = fold(inner);
  if (text === '') return false;
  const words = given.split(/[\s\u00a0-]+/).filter(Boolean);
  if (text === fold(given) || text === words.map(initial).join('')) return true;
  const printed = plain(inner)
    .split(/[\s\u00a0.-]+/)
    .filter(Boolean);
  return (
    printed.length === words.length &&
    printed.every((word, i) => {
      const source = words[i] ?? '';
      return fold(word) === fold(source) || fold(word) === initial(source);
    })
  );
}
