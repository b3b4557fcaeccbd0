/**
 * The judge of one style's rendering of the embedded store, used by `npm run sweep-styles` and by the seeded sample
 * in the test suite. Pure: it takes what bibfolio printed (HTML entries, the Markdown document) and what plain
 * citeproc-js printed for the same items with the same style, and returns the failure kinds it finds.
 *
 * - parity: an entry's visible text (marks left out) equals plain citeproc-js's for the same item;
 * - owner: the owner's whole name, as the style prints it (given names or initials included, in the style's case),
 *   is inside bibfolio's owner element (`class="bibfolio-owner"`);
 * - superscript: no superscript that plain citeproc-js does not print, apart from the marks;
 * - marks: each mark follows its person's whole name;
 * - markdown: the Markdown, parsed by a CommonMark parser (markdown-it), shows the same text and the owner in bold
 *   or underlined (never literal asterisks);
 * - count: every entry is printed.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true });

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[name] ?? m;
  });
}

/**
 * Visible text of an HTML fragment, whitespace folded, private-use characters dropped, compatibility forms folded
 * (citeproc-js prints a superscript ordinal as `nᵒ` in text and `n<sup>o</sup>` in HTML). A URL that plain citeproc-js
 * capitalises at the start of a sentence (`Https://`) is one bibfolio prints as a link, as it is.
 */
export function visibleText(html) {
  return decodeEntities(html.replace(/<\/div>/g, ' ').replace(/<[^>]*>/g, ''))
    .normalize('NFKC')
    .replace(/\b(Https?|Doi):/g, (m) => m.toLowerCase())
    .replace(/[\uE000-\uF8FF]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * "et al." as bibfolio prints it for a list the store marks incomplete (`and others`): plain citeproc-js is given a
 * literal last author "et al.", so "and" before it and a doubled period are folded away on both sides.
 */
export function foldEtAl(text, etAl = 'et al.') {
  const term = etAl.replace(/[\s\u00a0]+/g, ' ');
  const t = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\.$/, '\\.?');
  const and = '(?:(?<![\\p{L}])(?:and|und|et|y|e|en|ve|og|och|i|a)|&)[\\s\\u00a0]+';
  return text
    .replace(new RegExp(`${and}(?=${t})`, 'gu'), '')
    .replace(new RegExp(`[\\s\\u00a0,;]*${t}\\.?`, 'giu'), ` ${term}`);
}

const withoutMarks = (html) => html.replace(/<sup class="bibfolio-mark">[\s\S]*?<\/sup>/g, '');

/** Every printing of the person's name in plain text: given or initial before or after the family name, or alone. */
/** Letters without accents or dots (`SHİ` -> `SHI`), for finding a name in any case. */
const bare = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '');

export function printedNames(text, person) {
  const plainText = bare(text);
  const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const family = esc(person.family);
  const given = `(?:${esc(person.given)}|${esc(person.given[0])}\\.?)(?![\\p{L}])`;
  const gap = '[\\s\\u00a0]*';
  const re = new RegExp(
    `${given}${gap}${family}(?![\\p{L}])|(?<![\\p{L}])${family},?${gap}${given}|(?<![\\p{L}])${family}(?![\\p{L}])`,
    'giu',
  );
  return [...plainText.matchAll(re)].map((m) => m[0]);
}

export function printedName(plainText, person) {
  return printedNames(plainText, person)[0];
}

const fold = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * One entry: `html` is bibfolio's entry (default author limit), `parityHtml` bibfolio's with no author limit,
 * `plainHtml` plain citeproc-js's for that item. `owner`/`marked` are {family, given} of the persons set apart.
 */
export function judgeEntry({ html, parityHtml, plainHtml, owner, marked = [], etAl = 'et al.' }) {
  const kinds = new Set();
  judgeEntry.last = { html, parityHtml, plainHtml };
  const plain = foldEtAl(visibleText(plainHtml), etAl);
  if (parityHtml !== undefined && foldEtAl(visibleText(withoutMarks(parityHtml)), etAl) !== plain)
    kinds.add('text differs from citeproc-js');
  const owners = [...html.matchAll(/<(strong|u) class="bibfolio-owner">([\s\S]*?)<\/\1>/g)];
  // a style that prints no authors for this type (a title-only entry) has no owner to set apart
  const ownerPrinted = printedNames(plain, owner).length > 0;
  if (owners.length === 0 && ownerPrinted) kinds.add('owner not set apart');
  for (const expected of owners.length > 0 ? printedNames(plain, owner) : []) {
    const inside = owners.some((el) => {
      // "Benton J." where the period ends the author list: the period may follow the owner's element
      const after = visibleText(withoutMarks(html.slice((el.index ?? 0) + el[0].length)));
      const name = expected.endsWith('.') && after.startsWith('.') ? expected.slice(0, -1) : expected;
      return bare(fold(visibleText(el[2]))).includes(fold(name));
    });
    if (!inside) kinds.add('owner: part of the name outside');
  }
  const sups = (s) => (s.match(/<sup\b/g) ?? []).length;
  if (sups(withoutMarks(html)) > sups(plainHtml)) kinds.add('superscript that citeproc-js does not print');
  for (const person of marked) {
    const name = printedName(plain, person);
    if (!name) continue; // the style does not print this person's name here
    const at = html.indexOf('<sup class="bibfolio-mark">');
    if (at === -1) {
      kinds.add('mark missing');
      continue;
    }
    const re = new RegExp(`([\\s\\S]*?)<sup class="bibfolio-mark">`, 'g');
    let ok = false;
    for (const m of html.matchAll(re)) {
      const before = visibleText(withoutMarks(html.slice(0, (m.index ?? 0) + m[1].length)));
      if (name && bare(fold(before)).endsWith(fold(name))) ok = true;
    }
    if (!ok) kinds.add('mark not right after the whole name');
  }
  return [...kinds];
}

/** Markdown through a CommonMark parser: one list item per entry, compared with the HTML entries. */
export function judgeMarkdown(markdown, htmlEntries) {
  const kinds = new Set();
  const rendered = md.render(markdown);
  const items = [...rendered.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
  if (items.length !== htmlEntries.length) {
    kinds.add('markdown: entries not one list item each');
    return [...kinds];
  }
  const ordered = /<ol\b/.test(rendered);
  items.forEach((item, i) => {
    // an ordered list shows the numbers as list markers, not as text
    const html = ordered ? htmlEntries[i].replace(/^<span class="bibfolio-label">\d+\.<\/span> /, '') : htmlEntries[i];
    if (visibleText(item) !== visibleText(html)) {
      kinds.add('markdown: text differs from HTML (markup shown literally)');
      judgeMarkdown.last = { html, plainHtml: item };
    }
    const owner = /<(strong|u) class="bibfolio-owner">([\s\S]*?)<\/\1>/.exec(html);
    if (owner) {
      const name = fold(visibleText(owner[2]));
      const emphasised = [...item.matchAll(/<(strong|u)>([\s\S]*?)<\/\1>/g)].map((m) => fold(visibleText(m[2])));
      if (!emphasised.some((e) => e.includes(name))) kinds.add('markdown: owner not bold');
    }
  });
  return [...kinds];
}
