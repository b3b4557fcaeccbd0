/**
 * The official CSL processor test suite (860 fixtures) through bibfolio's engine (the command line's bundle of
 * citeproc-js, with the build's changes and the runtime patches) and through plain citeproc-js, run the way citeproc-js's own runner runs them (`npm run csl-suite`): the
 * patches change no fixture's result, and the engine passes what citeproc-js passes (840 of the 845 at the top level;
 * the five it fails come from newer locale terms and one title-casing difference, as the suite's README says).
 * Then bibfolio's lists against the style's own bibliography on every bibliography fixture: each differing entry is
 * named by the list rule that makes it (docs/styles.md lists them), and `--disambiguate` takes the disambiguation
 * differences away. A new kind of difference, or a change in the counts, fails here until docs/styles.md says why.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without types
import { engines, fixtureFiles, runSuite } from '../../scripts/csl-suite.mjs';
// @ts-expect-error: a plain JavaScript script, without types
import { compareLists } from '../../scripts/csl-suite/list-vs-bibliography.mjs';

interface Suite {
  fixtures: number;
  topLevel: number;
  plainPasses: number;
  patchedPasses: number;
  differ: { name: string }[];
  failing: string[];
}

describe('the CSL test suite', () => {
  it('bibfolio’s patches change no fixture, and the engine passes 840 of 845', async () => {
    const suite = (await runSuite()) as Suite;
    expect(suite.fixtures).toBe(860);
    expect(suite.differ.map((r) => r.name)).toEqual([]);
    expect(suite.patchedPasses).toBe(840);
    expect(suite.plainPasses).toBe(840);
    expect(suite.failing).toEqual([
      'bugreports_SortedIeeeItalicsFail',
      'date_NegativeDateSort',
      'date_NegativeDateSortViaMacroOnYearMonthOnly',
      'magic_SubsequentAuthorSubstituteNotFooled',
      'textcase_TitleCaseWithVolumeTitle',
    ]);
  }, 120_000);
});

interface ListComparison {
  name: string;
  skipped?: string;
  differences?: { rule: string }[];
}

function kinds(lists: ListComparison[]): { compared: number; identical: number; byRule: Record<string, number> } {
  const compared = lists.filter((l) => !l.skipped);
  const byRule: Record<string, number> = {};
  for (const l of compared) for (const d of l.differences ?? []) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
  return { compared: compared.length, identical: compared.filter((l) => l.differences?.length === 0).length, byRule };
}

describe("lists against the style's own bibliography", () => {
  it('differ only where a documented list rule says so', async () => {
    const { plain } = (await engines()) as { plain: unknown };
    const lists = kinds((await compareLists(fixtureFiles(), plain)) as ListComparison[]);
    expect(lists.compared).toBe(207);
    expect(lists.identical).toBe(152);
    expect(lists.byRule).toEqual({
      sort: 20,
      'et-al': 24,
      'author-substitute': 9,
      disambiguation: 24,
      citation: 2,
      several: 3,
      'display spacing': 5,
      'input markup': 10,
      engine: 4,
    });
  }, 120_000);

  it('--disambiguate gives the style’s year suffixes and added names: no disambiguation difference is left', async () => {
    const { plain } = (await engines()) as { plain: unknown };
    const lists = kinds((await compareLists(fixtureFiles(), plain, { disambiguate: true })) as ListComparison[]);
    expect(lists.identical).toBe(163);
    expect(lists.byRule.disambiguation).toBeUndefined();
    expect(lists.byRule.citation).toBeUndefined();
  }, 120_000);
});
