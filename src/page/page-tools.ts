/**
 * The page's search box and its chart of publications per year (config `page.search`, `page.chart`). The search box
 * is a progressive enhancement: hidden until the script runs, it filters the entries by any word of their text
 * (title, authors, venue, year) and says how many are shown; without JavaScript the page is whole. The chart is
 * inline SVG with a text alternative (every year and its count). Pure; every value escaped.
 */
import { escapeHtml } from '../render/html.js';
import type { PageStrings } from './strings.js';

export function searchBox(words: PageStrings): string {
  return (
    `<div class="bibfolio-search" role="search" hidden><label for="bibfolio-q">${escapeHtml(words.search)}</label> ` +
    '<input id="bibfolio-q" type="search" autocomplete="off"> <output class="bibfolio-found" for="bibfolio-q" aria-live="polite"></output></div>'
  );
}

/** Filters the entries as the visitor types: every word must appear in the entry (case and accents ignored). */
export const SEARCH_SCRIPT = `
(function () {
  var box = document.querySelector('.bibfolio-search');
  if (!box) return;
  var input = box.querySelector('input');
  var found = box.querySelector('output');
  var entries = Array.prototype.slice.call(document.querySelectorAll('li.bibfolio-entry'));
  var fold = function (t) { return t.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase(); };
  var texts = entries.map(function (li) {
    var section = li.closest('section');
    var heading = section && section.querySelector('h2');
    return fold(li.querySelector('.bibfolio-citation').textContent + ' ' + (heading ? heading.textContent : ''));
  });
  var total = new Set(entries.map(function (li) { return li.getAttribute('data-key'); })).size;
  box.hidden = false;
  input.addEventListener('input', function () {
    var words = fold(input.value).split(/\\s+/).filter(Boolean);
    // a paper listed twice (selected, and in its year) counts once
    var shown = {};
    entries.forEach(function (li, i) {
      var match = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      li.hidden = !match;
      if (match) shown[li.getAttribute('data-key')] = true;
    });
    document.querySelectorAll('section.bibfolio-section').forEach(function (s) {
      s.hidden = !s.querySelector('li.bibfolio-entry:not([hidden])');
    });
    found.textContent = words.length ? Object.keys(shown).length + ' / ' + total : '';
  });
})();
`.trim();

/** The years of a list's entries, counted. */
export function countYears(years: Iterable<number | undefined>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const y of years) if (y !== undefined) counts.set(y, (counts.get(y) ?? 0) + 1);
  return counts;
}

/**
 * Publications per year as a bar chart: inline SVG, its text alternative naming every year and count. `standalone`:
 * an SVG file of its own (`--to svg`, for a CV), its colours inside it.
 */
export function yearChart(counts: ReadonlyMap<number, number>, words: PageStrings, standalone = false): string {
  const years = [...counts.keys()].sort((a, b) => a - b);
  if (years.length === 0) return '';
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const span = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const max = Math.max(...counts.values());
  const bar = 28;
  const gap = 8;
  const height = 90;
  const width = span.length * (bar + gap) + gap;
  const alt = `${words.perYear}: ${span.map((y) => `${y}: ${counts.get(y) ?? 0}`).join(', ')}`;
  const bars = span
    .map((year, i) => {
      const n = counts.get(year) ?? 0;
      const h = max === 0 ? 0 : Math.round((n / max) * (height - 34));
      const x = gap + i * (bar + gap);
      return (
        `<rect x="${x}" y="${height - 18 - h}" width="${bar}" height="${h}" rx="2"></rect>` +
        `<text x="${x + bar / 2}" y="${height - 22 - h}" text-anchor="middle">${n || ''}</text>` +
        `<text x="${x + bar / 2}" y="${height - 4}" text-anchor="middle">${span.length > 8 ? `’${String(year).slice(-2)}` : year}</text>`
      );
    })
    .join('');
  if (standalone)
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(alt)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
      `<title>${escapeHtml(alt)}</title><style>rect{fill:#0a58b0}text{font:11px sans-serif;fill:#505050}</style>${bars}</svg>\n`
    );
  return (
    `<figure class="bibfolio-chart"><svg role="img" aria-label="${escapeHtml(alt)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(alt)}</title>${bars}</svg><figcaption>${escapeHtml(words.perYear)}</figcaption></figure>`
  );
}
