// bibfolio's lists against the style's own bibliography, on every bibliography fixture of the CSL test suite: the
// items in the order citeproc-js's bibliography gives them, rendered by bibfolio's list engine (src/csl/engine.ts:
// the style rewritten for lists, IR, input text protected) and compared as text with plain citeproc-js's
// bibliography. Each difference is named by the list rule that makes it: the reference rendered with that one rule
// applied equals bibfolio's entry (src/csl/prepare-style.ts); `several` when only all the rules together do;
// `display spacing` when they do but for the space bibfolio keeps between display blocks; `input markup` when the
// fixture's items carry inline HTML, which bibfolio prints as text (its stores' markup is read by
// src/conventions/html-markup.ts before citeproc-js, never by it); `engine` otherwise.
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bibliographyOf, isBibliographyFixture, itemsOf } from './fixture.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LOCALES = join(ROOT, 'locales');

const normalize = (text) => text.replace(/\s+/g, ' ').trim();

function protect(value, protectInput) {
  if (typeof value === 'string') return protectInput(value);
  if (Array.isArray(value)) return value.map((v) => protect(v, protectInput));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'id' ? v : protect(v, protectInput)]));
  return value;
}

/** Per fixture: the entries that differ, each with the rule that makes the difference. */
export async function compareLists(files, plain, { disambiguate = false } = {}) {
  const { ListEngine } = await import('../../dist/csl/engine.js');
  const { protectInput } = await import('../../dist/csl/ir.js');
  const { irToFormat } = await import('../../dist/render/formatter.js');
  const { text: textFormat } = await import('../../dist/render/text.js');
  const irText = (ir) => irToFormat(ir, textFormat);
  const { LIST_STYLE_RULES, prepareStyleForLists } = await import('../../dist/csl/prepare-style.js');
  const names = LIST_STYLE_RULES.map((r) => r.name);
  const out = [];
  for (const f of files) {
    const text = readFileSync(f.path, 'utf8');
    if (!isBibliographyFixture(text, f.name)) continue;
    let reference;
    try {
      reference = bibliographyOf(plain, text, f.name, LOCALES);
    } catch (err) {
      out.push({ name: f.name, skipped: `citeproc-js: ${String(err?.message ?? err).split('\n')[0]}` });
      continue;
    }
    const csl = text.match(/>>=+ CSL =+>>\n([\s\S]*?)\n<<=+ CSL =+<</)?.[1] ?? '';
    const lang = /default-locale="([^"]+)"/.exec(csl)?.[1] ?? 'en-US';
    const byId = new Map(itemsOf(text, f.name).map((item) => [String(item.id), item]));
    const items = reference.ids.map((id) => protect({ ...byId.get(id), id }, protectInput));
    let ours;
    try {
      ours = new ListEngine({ id: f.name, xml: csl, disambiguate }, lang)
        .render(items)
        .entries.map((ir) => normalize(irText(ir)));
    } catch (err) {
      out.push({ name: f.name, skipped: `bibfolio: ${String(err?.message ?? err).split('\n')[0]}` });
      continue;
    }
    const theirs = reference.entries.map(normalize);
    const differing = theirs.map((t, i) => i).filter((i) => theirs[i] !== ours[i]);
    if (differing.length === 0) {
      out.push({ name: f.name, differences: [] });
      continue;
    }
    // the reference with one rule applied, then with all of them: which one makes bibfolio's entries?
    const variant = (keep) =>
      bibliographyOf(plain, text, f.name, LOCALES, {
        csl: prepareStyleForLists(csl, { keep }),
        ids: reference.ids,
      }).entries.map(normalize);
    const single = names.map((name) => ({ name, entries: variant(new Set(names.filter((n) => n !== name))) }));
    const all = variant(new Set());
    const markup = /<\/?(?:i|b|sup|sub|sc|span)\b/.test(JSON.stringify(itemsOf(text, f.name)));
    const squeezed = (t) => t.replace(/\s+/g, '');
    out.push({
      name: f.name,
      differences: differing.map((i) => ({
        id: reference.ids[i],
        theirs: theirs[i],
        ours: ours[i],
        rule:
          single.find((s) => s.entries[i] === ours[i])?.name ??
          (all[i] === ours[i]
            ? 'several'
            : squeezed(all[i] ?? '') === squeezed(ours[i] ?? '')
              ? 'display spacing'
              : markup
                ? 'input markup'
                : 'engine'),
      })),
    });
  }
  return out;
}
