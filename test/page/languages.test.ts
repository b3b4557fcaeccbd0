/**
 * The page speaks the list's language: `--locale de-DE` gives a German page end to end (title, sections, type
 * headings, buttons, footer, `lang`), Arabic, Hebrew and Persian pages are written right to left, and every one of
 * the most used CSL locales has bibfolio's own strings.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_LANGUAGES, pageStrings, textDirection } from '../../src/page/strings.js';
import { cli } from '../helpers.js';

const MOST_USED = [
  'de-DE',
  'fr-FR',
  'es-ES',
  'it-IT',
  'pt-BR',
  'pt-PT',
  'nl-NL',
  'ru-RU',
  'zh-CN',
  'zh-TW',
  'ja-JP',
  'ko-KR',
  'pl-PL',
  'sv-SE',
  'da-DK',
  'nb-NO',
  'fi-FI',
  'cs-CZ',
  'tr-TR',
  'ar',
  'he-IL',
  'fa-IR',
  'el-GR',
  'uk-UA',
];

describe('page strings', () => {
  it('exist for the most used CSL locales, every string filled and its count in place', () => {
    expect(PAGE_LANGUAGES.length).toBeGreaterThanOrEqual(21);
    const english = pageStrings('en-US');
    for (const locale of MOST_USED) {
      const words = pageStrings(locale);
      expect(words.selected, locale).not.toBe(english.selected);
      for (const [name, value] of Object.entries({ ...words, ...words.kinds }))
        if (typeof value === 'string') expect(value.trim(), `${locale} ${name}`).not.toBe('');
      expect(words.count, locale).toContain('{n}');
      expect(words.citedBy, locale).toContain('{n}');
    }
    expect(pageStrings('zh-TW').title).not.toBe(pageStrings('zh-CN').title);
    for (const language of PAGE_LANGUAGES) expect(pageStrings(language).perYear, language).not.toBe('');
    expect(pageStrings('xx-YY')).toEqual(english);
  });

  it('right to left for Arabic, Hebrew and Persian only', () => {
    expect(['ar', 'he-IL', 'fa-IR'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl']);
    expect(['de-DE', 'en-US', 'tr-TR'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr']);
  });
});

describe('--locale on the page', () => {
  it('gives a German page end to end', async () => {
    const run = await cli([
      'format',
      '-t',
      'html',
      '--standalone',
      '--locale',
      'de-DE',
      '--group-by',
      'type',
      '--selected-first',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const html = run.stdout;
    expect(html).toContain('<html lang="de-DE">');
    expect(html).toContain('<h1>Publikationen</h1>');
    expect(html).toContain('>Ausgewählte Publikationen <span');
    expect(html).toContain('>Zeitschriftenartikel <span');
    expect(html).toContain('>Preprints <span');
    expect(html).toContain('aria-label="Abschnitte"');
    expect(html).toContain('data-copied="Kopiert" hidden>Kopieren</button>');
    expect(html).toContain('<footer>16 Publikationen · erstellt mit bibfolio</footer>');
    for (const english of ['Selected publications', 'Journal articles', '>Copy<', 'made with bibfolio'])
      expect(html).not.toContain(english);
  });

  it('writes an Arabic page right to left, in Arabic', async () => {
    const run = await cli(['format', '-t', 'html', '--standalone', '--locale', 'ar', '--group-by', 'year']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('<html lang="ar" dir="rtl">');
    expect(run.stdout).toContain('<h1>المنشورات</h1>');
  });

  it('titles the other formats in the list’s language too, unless the config names a title', async () => {
    const md = await cli(['format', '-t', 'markdown', '--standalone', '--locale', 'fr-FR']);
    expect(md.stdout.startsWith('# Publications\n')).toBe(true);
    const es = await cli(['format', '-t', 'markdown', '--standalone', '--locale', 'es-ES']);
    expect(es.stdout.startsWith('# Publicaciones\n')).toBe(true);
  });
});
