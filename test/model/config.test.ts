import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, parseConfig, toPersonName } from '../../src/model/config.js';

describe('config', () => {
  it('has defaults for everything', () => {
    const config = defaultConfig();
    expect(config).toMatchObject({ store: 'bib/publications.bib', style: 'cv', maxAuthors: 10, styleDirs: [] });
    expect(config.locale).toBeUndefined(); // the style's own default-locale
    expect(config.annotations.equal).toEqual({ symbol: '*', legend: 'Equal contribution' });
    expect(config.outputs.map((o) => o.path)).toEqual([
      'dist/publications.md',
      'dist/publications.html',
      'dist/publications.tex',
      'dist/publications.txt',
    ]);
  });

  it('names an unknown key and where it is', () => {
    expect(() => parseConfig('{"owner": {"name": "Joe Benton", "nmae": "x"}}', 'bibfolio.config.json')).toThrowError(
      /bibfolio\.config\.json: unknown key "nmae" \(did you mean "name"\?\) at owner/,
    );
    expect(() => parseConfig('{"maxAuthor": 3}')).toThrowError(
      /unknown key "maxAuthor" \(did you mean "maxAuthors"\?\) at \(top level\)/,
    );
  });

  it('names a wrong type and where it is', () => {
    expect(() => parseConfig('{"maxAuthors": "ten"}')).toThrowError(/maxAuthors: .*number/);
    expect(() => parseConfig('{"outputs": [{"path": "x.md", "format": "docx"}]}')).toThrowError(/outputs\[0\]\.format/);
  });

  it('reports JSON syntax errors', () => {
    expect(() => parseConfig('{"owner": ', 'c.json')).toThrowError(ConfigError);
    expect(() => parseConfig('{"owner": ', 'c.json')).toThrowError(/c\.json: not valid JSON/);
  });

  it('reads names in every form', () => {
    expect(toPersonName('Joe Benton')).toEqual({ family: 'Benton', given: 'Joe' });
    expect(toPersonName('Benton, Joe')).toEqual({ family: 'Benton', given: 'Joe' });
    expect(toPersonName({ family: 'Benton', given: 'J.' })).toEqual({ family: 'Benton', given: 'J.' });
  });
});
