/**
 * The people a list sets apart besides its owner (config `people`: a lab's members and how each role is shown) and
 * the co-authors whose names link to their pages (config `coauthors`, as al-folio's `_data/coauthors.yml`). Pure:
 * the config's values in, matchers out.
 */
import { displayName, foldText, OwnerMatcher, type PersonName } from './names.js';

export type MemberStyle = 'bold' | 'underline' | 'italic' | 'mark';

/** A member as a list needs them: who they are, and how their name is set apart. */
export interface Member {
  readonly matcher: OwnerMatcher;
  readonly role: string;
  readonly style: MemberStyle;
  /** The annotation a `mark` member's name carries (`role:student`), with its symbol and legend in the config. */
  readonly annotation?: string;
}

/** The annotation name of a role whose members are marked. */
export const roleAnnotation = (role: string): string => `role:${role}`;

/** Co-author name -> URL, by folded family name and given-name forms (al-folio's shape). */
export interface CoauthorEntry {
  readonly family: string;
  /** Given names as written (`Edwin`, `E.`, `E. P.`); empty: any. */
  readonly given: readonly string[];
  readonly url: string;
}

const folded = (text: string): string => foldText(text).replace(/[^\p{L}\p{N}]/gu, '');

export class CoauthorLinks {
  /** Whole names as the config writes them ("Valentin De Bortoli"), folded. */
  private readonly byName = new Map<string, string>();
  private readonly byFamily = new Map<string, CoauthorEntry[]>();

  /** What the links are, for cache keys. */
  readonly fingerprint: string;

  constructor(entries: readonly CoauthorEntry[], names: Readonly<Record<string, string>> = {}) {
    this.fingerprint = JSON.stringify([entries, names]);
    for (const [name, url] of Object.entries(names)) this.byName.set(folded(name), url);
    for (const e of entries) {
      const key = foldText(e.family).replace(/[^\p{L}\p{N}]/gu, '');
      this.byFamily.set(key, [...(this.byFamily.get(key) ?? []), e]);
    }
  }

  get size(): number {
    return this.byFamily.size + this.byName.size;
  }

  /** The URL of a co-author's page, or undefined. */
  linkFor(name: PersonName): string | undefined {
    const whole = this.byName.get(folded(displayName(name)));
    if (whole) return whole;
    const family = foldText([name['non-dropping-particle'], name.family].filter(Boolean).join(' ')).replace(
      /[^\p{L}\p{N}]/gu,
      '',
    );
    const plainFamily = foldText(name.family ?? '').replace(/[^\p{L}\p{N}]/gu, '');
    const candidates = this.byFamily.get(family) ?? this.byFamily.get(plainFamily) ?? [];
    const given = foldText(name.given ?? '')
      .replace(/\./g, '')
      .trim();
    for (const c of candidates) {
      if (c.given.length === 0) return c.url;
      if (c.given.some((g) => foldText(g).replace(/\./g, '').trim() === given)) return c.url;
    }
    return undefined;
  }
}

/** al-folio's `_data/coauthors.yml`, already parsed: `family: [{ firstname: [...], url }]`. */
export function coauthorsFromAlFolio(data: unknown): CoauthorEntry[] {
  if (typeof data !== 'object' || data === null) return [];
  const out: CoauthorEntry[] = [];
  for (const [family, list] of Object.entries(data as Record<string, unknown>)) {
    for (const item of Array.isArray(list) ? list : [list]) {
      const rec = item as { firstname?: unknown; url?: unknown };
      if (typeof rec?.url !== 'string' || !/^https?:\/\//i.test(rec.url)) continue;
      const firstnames = Array.isArray(rec.firstname) ? rec.firstname : rec.firstname ? [rec.firstname] : [];
      out.push({ family, given: firstnames.filter((f): f is string => typeof f === 'string'), url: rec.url });
    }
  }
  return out;
}
