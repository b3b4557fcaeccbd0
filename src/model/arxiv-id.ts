/**
 * arXiv identifiers (https://info.arxiv.org/help/arxiv_identifier.html) in every form users paste:
 * `2506.15740`, `2506.15740v2`, `arXiv:2506.15740`, `https://arxiv.org/abs/…`, `…/pdf/…v3.pdf`, old-style
 * `hep-th/9901001` and `math.GT/0309136`, and the DataCite DOI `10.48550/arXiv.2506.15740`.
 */

export interface ArxivId {
  /** The identifier without version: `2506.15740`, `hep-th/9901001`. */
  readonly id: string;
  readonly version?: number;
}

/** Archives of old-style identifiers (before April 2007). */
const OLD_ARCHIVES = new Set([
  'acc-phys',
  'adap-org',
  'alg-geom',
  'ao-sci',
  'astro-ph',
  'atom-ph',
  'bayes-an',
  'chao-dyn',
  'chem-ph',
  'cmp-lg',
  'comp-gas',
  'cond-mat',
  'cs',
  'dg-ga',
  'funct-an',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math',
  'math-ph',
  'mtrl-th',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'patt-sol',
  'physics',
  'plasm-ph',
  'q-alg',
  'q-bio',
  'quant-ph',
  'solv-int',
  'supr-con',
]);

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$/;
const OLD_STYLE = /^([a-z-]+)(\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?$/;

function validMonth(mm: string): boolean {
  const m = Number(mm);
  return m >= 1 && m <= 12;
}

/** Parses a bare identifier (no prefix, no URL). */
function parseBare(text: string): ArxivId | undefined {
  const n = NEW_STYLE.exec(text);
  if (n) {
    const [, yy, mm, num, v] = n;
    if (!validMonth(mm ?? '')) return undefined;
    // Five-digit numbers start in 1501; four-digit ones end in 1412.
    const yymm = Number(`${yy}${mm}`);
    if ((num ?? '').length === 5 && yymm < 1501) return undefined;
    if ((num ?? '').length === 4 && (yymm > 1412 || yymm < 704)) return undefined;
    return withVersion(`${yy}${mm}.${num}`, v);
  }
  const o = OLD_STYLE.exec(text);
  if (o) {
    const [, archive, subject, , mm, , v] = o;
    if (!OLD_ARCHIVES.has(archive ?? '') || !validMonth(mm ?? '')) return undefined;
    const id = text.replace(/v\d+$/, '');
    if (subject && !id.includes(subject)) return undefined;
    return withVersion(id, v);
  }
  return undefined;
}

function withVersion(id: string, v: string | undefined): ArxivId {
  return v ? { id, version: Number(v) } : { id };
}

/**
 * Parses one user-supplied identifier in any of the accepted forms; undefined when it is not a well-formed arXiv
 * identifier (so it must never be sent to the API).
 */
export function parseArxivId(input: string): ArxivId | undefined {
  let text = input.trim();
  const url =
    /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html|format)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i.exec(
      text,
    );
  if (url?.[1]) text = url[1];
  const doi = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)?10\.48550\/arxiv\.(.+)$/i.exec(text);
  if (doi?.[1]) text = doi[1];
  text = text.replace(/^arxiv:\s*/i, '');
  return parseBare(text);
}

/** Finds an identifier inside free text such as `arXiv preprint arXiv:2506.15740`. */
export function findArxivIdInText(text: string): ArxivId | undefined {
  const m = /arxiv[:\s/.]*(?:abs\/)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/i.exec(text);
  return m?.[1] ? parseBare(m[1]) : undefined;
}

export function formatArxivId(id: ArxivId): string {
  return id.version ? `${id.id}v${id.version}` : id.id;
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/**
 * The arXiv identifier of a store entry: `eprint` (when `archivePrefix`/`eprinttype` is arXiv or absent), else an
 * arXiv `url`, else a `journal`/`howpublished`/`note` that names one, else the arXiv DOI.
 */
export function arxivIdOfFields(fields: ReadonlyMap<string, string>): ArxivId | undefined {
  const eprint = fields.get('eprint');
  const prefix = (fields.get('archiveprefix') ?? fields.get('eprinttype') ?? '').trim().toLowerCase();
  if (eprint && (prefix === '' || prefix === 'arxiv')) {
    const id = parseArxivId(eprint);
    if (id) return id;
  }
  // al-folio's own field: `arxiv = {2406.16860}`
  const alfolio = fields.get('arxiv');
  if (alfolio) {
    const id = parseArxivId(alfolio);
    if (id) return id;
  }
  const url = fields.get('url');
  if (url) {
    const id = parseArxivId(url);
    if (id) return id;
  }
  for (const name of ['journal', 'journaltitle', 'howpublished', 'note']) {
    const value = fields.get(name);
    if (value && /arxiv/i.test(value)) {
      const id = findArxivIdInText(value);
      if (id) return id;
    }
  }
  const doi = fields.get('doi');
  return doi ? parseArxivId(doi) : undefined;
}
