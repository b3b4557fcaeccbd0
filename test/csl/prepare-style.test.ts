/**
 * A style adapted to lists (src/csl/prepare-style.ts): a list cites nothing, so an entry renders the same whichever
 * other entries are in the list, and XML comments that name elements do not confuse the adaptation.
 */
import { describe, expect, it } from 'vitest';
import { ListEngine } from '../../src/csl/engine.js';
import { prepareStyleForLists } from '../../src/csl/prepare-style.js';
import { plain } from '../../src/csl/ir.js';

const STYLE = (bibliography: string, comment = ''): string => `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>test</id><title>test</title><updated>2026-01-01T00:00:00+00:00</updated></info>
  ${comment}
  <macro name="title"><text variable="title"/></macro>
  <citation disambiguate-add-year-suffix="true">
    <layout><names variable="author"/><date variable="issued"><date-part name="year"/></date></layout>
  </citation>
  <bibliography>
    <sort><key variable="title"/></sort>
    <layout>${bibliography}</layout>
  </bibliography>
</style>`;

const item = (id: string, title: string) => ({
  id,
  type: 'book',
  title,
  author: [{ family: 'Doe', given: 'Jane' }],
  issued: { 'date-parts': [[2020]] },
});

function render(xml: string, items: ReturnType<typeof item>[]): string[] {
  return new ListEngine({ id: 'test', xml }, 'en-US').render(items).entries.map(plain);
}

describe('a style prepared for lists', () => {
  it('renders an entry the same alone or beside another by the same author in the same year', () => {
    const xml = STYLE(
      '<choose><if disambiguate="true"><text value="[told apart] "/></if></choose><text macro="title"/>',
    );
    const together = render(xml, [item('a', 'First'), item('b', 'Second')]);
    expect(together).toEqual([...render(xml, [item('a', 'First')]), ...render(xml, [item('b', 'Second')])]);
    expect(together).toEqual(['First', 'Second']);
  });

  it('keeps the macros a comment naming <citation> stands before', () => {
    const xml = STYLE('<text macro="title"/>', '<!-- the title macro serves <citation> and <bibliography> -->');
    expect(prepareStyleForLists(xml)).toContain('<macro name="title">');
    expect(render(xml, [item('a', 'First')])).toEqual(['First']);
  });

  it('keeps the order it is given (the bibliography sort is removed) and cites by ID alone', () => {
    const prepared = prepareStyleForLists(STYLE('<text macro="title"/>'));
    expect(prepared).not.toMatch(/<sort>/);
    expect(prepared).toContain('<citation><layout><text variable="id"/></layout></citation>');
    expect(render(STYLE('<text macro="title"/>'), [item('b', 'Zebra'), item('a', 'Aardvark')])).toEqual([
      'Zebra',
      'Aardvark',
    ]);
  });
});
