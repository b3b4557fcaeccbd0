// The CSL test suite's fixtures, read and run the way citeproc-js's own runner does (Juris-M/citeproc-test-runner:
// lib/fixture-parser.js and lib/sys.js): sections `>>== NAME ==>>` ... `<<== NAME ==<<`, the JSON ones parsed; then
// the engine built with the fixture's CSL, its items registered, and its citations or bibliography rendered and
// joined as the runner joins them. `CSL` is passed in, so one harness runs plain and patched citeproc-js alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const JSON_SECTIONS = new Set([
  'INPUT',
  'INPUT2',
  'ABBREVIATIONS',
  'BIBENTRIES',
  'BIBSECTION',
  'CITATION-ITEMS',
  'CITATIONS',
  'LANGPARAMS',
  'MULTIAFFIX',
  'OPTIONS',
  'KEYS',
]);
/** The sections the runner knows (lib/sections.js); other `>>== X ==>>` lines are not sections. */
const SECTIONS =
  'CSL KEYS DESCRIPTION INPUT MODE RESULT NAME PATH ABBREVIATIONS BIBENTRIES BIBSECTION CITATION-ITEMS CITATIONS INPUT2 LANGPARAMS MULTIAFFIX OPTIONS OPTIONZ'.split(
    ' ',
  );
const OPEN = new RegExp(`^.*>>===*\\s(${SECTIONS.join('|')})\\s.*=>>.*`);
const CLOSE = new RegExp(`^.*<<===*\\s(${SECTIONS.join('|')})\\s.*=<<.*`);

/** A fixture's sections, the JSON ones parsed. */
export function parseFixture(text, name) {
  const sections = {};
  let section;
  let lines;
  for (const line of text.split(/\r?\n/)) {
    const open = OPEN.exec(line);
    const close = CLOSE.exec(line);
    if (section === undefined && open) {
      section = open[1];
      lines = [];
    } else if (section !== undefined && close) {
      sections[section] = lines.join('\n');
      section = undefined;
    } else if (section !== undefined) lines.push(line);
  }
  for (const key of Object.keys(sections)) {
    if (JSON_SECTIONS.has(key)) {
      try {
        sections[key] = JSON.parse(sections[key]);
      } catch {
        throw new Error(`${name}: section ${key} is not JSON`);
      }
    }
  }
  sections.NAME = name;
  return sections;
}

function normalizeAbbrevsKey(variable, key) {
  key = key ? `${key}`.trim() : '';
  if (['jurisdiction', 'country'].includes(variable)) return key.toUpperCase();
  return key
    .replace(/(?:\b|^)(?:and|et|y|und|l[ae]|the|[ld]')(?:\b|$)|[\x21-\x2C./\x3A-\x40\x5B-\x60\\\x7B\x7D-\x7E]/gi, '')
    .replace(/\s*\x7C\s*/g, '\x7C')
    .replace(/\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function variableWrapper(params, prePunct, str, postPunct) {
  if (
    params.variableNames[0] === 'title' &&
    params.itemData.URL &&
    params.context === 'citation' &&
    params.position === 'first'
  )
    return `${prePunct}<a href="${params.itemData.URL}">${str}</a>${postPunct}`;
  if (
    params.variableNames[0] === 'first-reference-note-number' &&
    params.context === 'citation' &&
    params.position !== 'first'
  )
    return `${prePunct}<b>${str}</b>${postPunct}`;
  return prePunct + str + postPunct;
}

/** citeproc-js's runner's `Sys`: items, locales and abbreviations for the engine; `doc` for CITATIONS. */
class Sys {
  constructor(CSL, test, localesDir) {
    this.CSL = CSL;
    this.test = test;
    this.localesDir = localesDir;
    this._acache = { default: new CSL.AbbreviationSegments() };
    this._setCache();
    if (test.OPTIONS) for (const option in test.OPTIONS) this[option] = test.OPTIONS[option];
  }

  _setCache() {
    this._cache = {};
    this._ids = [];
    for (const item of this.test.INPUT) {
      this._cache[item.id] = item;
      this._ids.push(item.id);
    }
  }

  retrieveItem(id) {
    return this._cache[id];
  }

  retrieveLocale(lang) {
    try {
      return readFileSync(join(this.localesDir, `locales-${lang}.xml`), 'utf8').replace(/\s*<\?[^>]*\?>\s*\n/g, '');
    } catch {
      return false;
    }
  }

  retrieveStyleModule() {
    return null;
  }

  getAbbreviation(_listName, obj, jurisdiction, category, key) {
    const CSL = this.CSL;
    if (!this._acache[jurisdiction]) this._acache[jurisdiction] = new CSL.AbbreviationSegments();
    const jurisdictions = ['default'];
    if (jurisdiction !== 'default') {
      const parts = jurisdiction.split(':');
      for (let i = 1; i < parts.length + 1; i++) jurisdictions.push(parts.slice(0, i).join(':'));
    }
    jurisdictions.reverse();
    let mine;
    for (mine of jurisdictions) {
      if (!obj[mine]) obj[mine] = new CSL.AbbreviationSegments();
      if (this._acache[mine]?.[category]?.[key]) {
        obj[mine][category][key] = this._acache[mine][category][key];
        break;
      }
    }
    return mine;
  }

  updateDoc() {
    for (const citation of this.test.CITATIONS) {
      const [, result] = this.style.processCitationCluster(citation[0], citation[1], citation[2]);
      for (let j = this.doc.length - 1; j > -1; j--) {
        if (!this.style.registry.citationreg.citationById[this.doc[j].citationID])
          this.doc = this.doc.slice(0, j).concat(this.doc.slice(j + 1));
      }
      const posMap = {};
      citation[1].concat(citation[2]).forEach((p, j) => (posMap[p[0]] = j));
      this.doc.sort((a, b) =>
        posMap[a.citationID] > posMap[b.citationID] ? 1 : posMap[a.citationID] < posMap[b.citationID] ? -1 : 0,
      );
      for (const cite of this.doc) cite.prefix = '..';
      for (const j in result) {
        const insert = result[j];
        for (const k in this.doc) {
          if (this.doc[k].citationID === insert[2]) {
            this.doc[k] = { prefix: '>>', citationID: this.doc[k].citationID, String: insert[1] };
            result[j] = null;
            break;
          }
        }
      }
      for (const insert of result) {
        if (!insert) continue;
        this.doc = this.doc
          .slice(0, insert[0])
          .concat([{ prefix: '>>', citationID: insert[2], String: insert[1] }])
          .concat(this.doc.slice(insert[0]));
      }
    }
  }

  /** The engine, built and fed as the runner does, before anything is rendered. */
  engine() {
    const CSL = this.CSL;
    const test = this.test;
    this.style = new CSL.Engine(this, test.CSL);
    this.style.fun.dateparser.addDateParserMonths(
      'ocak Şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık bahar yaz sonbahar kış'.split(' '),
    );
    const [mode, ...submodes] = (test.MODE ?? 'all').trim().split('-');
    this.mode = mode;
    this.submode = Object.fromEntries(submodes.map((s) => [s, true]));
    for (const format of ['rtf', 'plain', 'asciidoc', 'xslfo'])
      if (this.submode[format]) this.style.setOutputFormat(format);
    if (this.submode.suppress_trailing_punctuation) this.style.citation.opt.suppressTrailingPunctuation = true;
    for (const opt in test.OPTIONS ?? {}) {
      if (opt !== 'variableWrapper') this.style.opt.development_extensions[opt] = test.OPTIONS[opt];
    }
    if (test.OPTIONS?.variableWrapper) this.variableWrapper = variableWrapper;
    const langParams = {
      persons: ['translit'],
      institutions: ['translit'],
      titles: ['translit', 'translat'],
      journals: ['translit'],
      publishers: ['translat'],
      places: ['translat'],
    };
    for (const key in test.LANGPARAMS ?? {}) {
      if (key === 'langs') {
        const langs = test.LANGPARAMS[key];
        if (langs.translat) this.style.setLangTagsForCslTranslation(langs.translat);
        if (langs.translit) this.style.setLangTagsForCslTransliteration(langs.translat);
      } else langParams[key] = test.LANGPARAMS[key];
    }
    this.style.setLangPrefsForCites(langParams);
    if (test.MULTIAFFIX) this.style.setLangPrefsForCiteAffixes(test.MULTIAFFIX);
    if (test.ABBREVIATIONS) {
      const abbrevs = {};
      for (const jurisd in test.ABBREVIATIONS) {
        abbrevs[jurisd] = {};
        for (const segment in test.ABBREVIATIONS[jurisd]) {
          abbrevs[jurisd][segment] = {};
          for (const key in test.ABBREVIATIONS[jurisd][segment]) {
            const isJurisdiction = jurisd === 'default' && segment === 'place' && key.toUpperCase() === key;
            const isCourt =
              ['institution-entire', 'institution-part'].includes(segment) && segment.toLowerCase() === segment;
            const normkey = !isJurisdiction && !isCourt ? normalizeAbbrevsKey('title', key) : key;
            abbrevs[jurisd][segment][normkey] = test.ABBREVIATIONS[jurisd][segment][key];
          }
        }
      }
      this._acache = Object.assign(this._acache, abbrevs);
    }
    if (test.BIBENTRIES) for (const ids of test.BIBENTRIES) this.style.updateItems(ids, this.submode.nosort);
    else if (!test.CITATIONS) this.style.updateItems(this._ids, this.submode.nosort);
    if (!test['CITATION-ITEMS'] && !test.CITATIONS)
      test['CITATION-ITEMS'] = [this.style.registry.reflist.map((item) => ({ id: item.id }))];
    return this.style;
  }

  run() {
    const test = this.test;
    this.engine();
    if (!['citation', 'bibliography'].includes(this.mode)) throw new Error(`mode ${this.mode} is not run here`);
    let citations = [];
    if (test['CITATION-ITEMS']) citations = test['CITATION-ITEMS'].map((c) => this.style.makeCitationCluster(c));
    else if (test.CITATIONS) {
      this.doc = [];
      this.updateDoc();
      if (test.INPUT2) {
        test.INPUT = test.INPUT2;
        this._setCache();
        this.updateDoc();
      }
      citations = this.doc.map((elem, idx) => `${elem.prefix}[${idx}] ${elem.String}`);
    }
    let ret = citations.join('\n');
    if (this.mode === 'bibliography' && !this.submode.header) {
      const bib = test.BIBSECTION ? this.style.makeBibliography(test.BIBSECTION) : this.style.makeBibliography();
      ret = bib[0].bibstart + bib[1].join('') + bib[0].bibend;
    } else if (this.mode === 'bibliography') {
      const obj = this.style.makeBibliography()[0];
      ret = Object.entries(obj)
        .sort((a, b) => (a > b ? 1 : a < b ? -1 : 0))
        .map(([k, v]) => `${k}: ${v}\n`)
        .join('')
        .trim();
    }
    return ret.replace(/\r\n?/g, '\n');
  }
}

/** One fixture through one citeproc-js: its output, or the error it threw. */
export function runFixture(CSL, text, name, localesDir) {
  const test = parseFixture(text, name);
  try {
    return { name, expected: test.RESULT ?? '', output: new Sys(CSL, test, localesDir).run() };
  } catch (err) {
    return { name, expected: test.RESULT ?? '', error: String(err?.message ?? err).split('\n')[0] };
  }
}

/**
 * A bibliography fixture's bibliography as entries with their IDs, rendered by `CSL` with the fixture's style, or
 * with `csl` instead, in `format`; `ids`: register exactly these, in this order (else the fixture's own items).
 */
export function bibliographyOf(CSL, text, name, localesDir, { csl, format = 'text', ids } = {}) {
  const test = parseFixture(text, name);
  if (csl !== undefined) test.CSL = csl;
  if (ids !== undefined) {
    test.BIBENTRIES = [ids];
    delete test.CITATIONS;
    delete test.BIBSECTION;
  }
  const sys = new Sys(CSL, test, localesDir);
  sys.engine();
  sys.style.setOutputFormat(format);
  if (ids === undefined && test.CITATIONS) {
    sys.doc = [];
    sys.updateDoc();
  }
  const bib = test.BIBSECTION ? sys.style.makeBibliography(test.BIBSECTION) : sys.style.makeBibliography();
  if (!bib) return { ids: [], entries: [] };
  return { ids: bib[0].entry_ids.map((list) => String(list[0])), entries: bib[1] };
}

/** Whether a fixture renders a bibliography the way a list is one (not its header, not citations only). */
export function isBibliographyFixture(text, name) {
  const test = parseFixture(text, name);
  return /^bibliography(?!-header)/.test((test.MODE ?? '').trim());
}

/** The fixture's items, as CSL-JSON. */
export function itemsOf(text, name) {
  return parseFixture(text, name).INPUT ?? [];
}
