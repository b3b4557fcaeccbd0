/** One cached citeproc-js engine per style and locale, rendering bibliography entries to IR. */
import { PLAIN_AUTHORS, type NameLayout } from './authors.js';
import { learnNameLayout, probeItems } from './name-layout.js';
import type { Citeproc } from '../vendor/citeproc.js';
import { citeproc } from './citeproc.js';
import { IR_FORMAT } from './ir-format.js';
import { prepareStyleForLists } from './prepare-style.js';
import { loadLocale } from './locales.js';
import { keptFact, parsedCsl } from './parsed-csl.js';
import type { StyleSource } from './registry.js';

export interface RenderFailure {
  readonly id: string;
  readonly message: string;
}

export interface RenderOutcome {
  readonly entries: readonly string[];
  readonly failures: readonly RenderFailure[];
}

export class ListEngine {
  private readonly items = new Map<string, unknown>();
  private readonly engine: InstanceType<Citeproc['Engine']>;
  private layout: NameLayout | undefined;
  /** The style as lists use it (csl/prepare-style.ts). */
  private readonly styleXml: string;

  constructor(
    style: StyleSource,
    readonly lang: string,
  ) {
    const sys = {
      retrieveLocale: (wanted: string): string => {
        let xml: string;
        try {
          xml = loadLocale(wanted);
        } catch {
          xml = loadLocale('en-US');
        }
        return parsedCsl(xml);
      },
      retrieveItem: (id: string): unknown => this.items.get(id),
    };
    this.styleXml = prepareStyleForLists(style.xml, { disambiguate: style.disambiguate === true });
    this.engine = new (citeproc().Engine)(sys, parsedCsl(this.styleXml), lang, true);
    // citeproc-js derives the citation label (`[BDS23]`) from the names: from the undecorated ones, not `<sup>Benton`
    const engine = this.engine as unknown as { getCitationLabel(item: Record<string, unknown>): string };
    const label = engine.getCitationLabel.bind(engine);
    engine.getCitationLabel = (item) =>
      label(Array.isArray(item?.[PLAIN_AUTHORS]) ? { ...item, author: item[PLAIN_AUTHORS] } : item);
    this.engine.setOutputFormat(IR_FORMAT);
    // Let URLs and DOIs printed by the style reach the output formats as links.
    const extensions = this.engine.opt.development_extensions as Record<string, unknown> | undefined;
    if (extensions) extensions.wrap_url_and_doi = true;
  }

  /**
   * Renders items as bibliography entries, in the given order; one IR string per item. An item citeproc-js cannot
   * render does not sink the list: the others are rendered one by one and the failure is returned.
   */
  render(items: ReadonlyArray<{ readonly id: string }>): RenderOutcome {
    try {
      return { entries: this.renderBatch(items), failures: [] };
    } catch {
      const failures: RenderFailure[] = [];
      const entries = items.map((item) => {
        try {
          return this.renderBatch([item])[0] ?? '';
        } catch (err) {
          failures.push({ id: item.id, message: (err as Error).message });
          return '';
        }
      });
      return { entries, failures };
    }
  }

  private renderBatch(items: ReadonlyArray<{ readonly id: string }>): string[] {
    this.items.clear();
    // citeproc-js keeps its registry in plain objects keyed by ID: an entry keyed `constructor` or `__proto__` would
    // meet Object's own properties. It sees every ID behind a prefix, so no ID is a property name of Object.
    const ids = items.map((i) => `${ID_PREFIX}${i.id}`);
    items.forEach((item, i) => this.items.set(ids[i] as string, { ...item, id: ids[i] }));
    // citeproc-js keeps what it worked out about an ID it has registered (names, sort keys) until the ID leaves its
    // registry: an engine reused for another list whose items share IDs (another store, an edited entry) would
    // render the old item's names. An empty update empties the registry.
    this.engine.updateItems([]);
    this.engine.updateItems(ids);
    const result = this.engine.makeBibliography();
    if (!result) return ids.map(() => '');
    const [meta, entries] = result;
    // citeproc-js leaves an entry it prints as nothing out of the strings but keeps its ID: pairing them by position
    // would give each later entry another item's text. Then each item is rendered on its own.
    if (entries.length !== meta.entry_ids.length) {
      if (items.length === 1) return [''];
      return items.flatMap((item) => this.renderBatch([item]));
    }
    const byId = new Map<string, string>();
    meta.entry_ids.forEach((idList, i) => {
      const id = idList[0] === undefined ? undefined : String(idList[0]);
      // spaces around display blocks fold into one (see ir-format.ts)
      if (id !== undefined) byId.set(id, (entries[i] ?? '').replace(/ {2,}/g, ' ').trim());
    });
    return ids.map((id) => byId.get(id) ?? '');
  }

  /** The locale's "et al." and "and" (word and symbol), as the style's names would print them. */
  private terms(): { etAl?: string; and?: string[] } {
    const engine = this.engine as unknown as { getTerm(term: string, form?: string): string | undefined };
    const term = (name: string, form?: string): string | undefined => {
      try {
        const value = engine.getTerm(name, form);
        return typeof value === 'string' && value.trim() ? value.trim() : undefined;
      } catch {
        return undefined;
      }
    };
    const etAl = term('et-al');
    const and = [term('and'), term('and', 'symbol')].filter((t): t is string => t !== undefined);
    return { ...(etAl ? { etAl } : {}), and };
  }

  /** How this style lays out names (given before or after family), learnt from one probe render. */
  nameLayout(): NameLayout {
    // learnt once per style and locale, and kept (csl/parsed-csl.ts)
    this.layout ??= keptFact('name-layout', `${this.lang}\u0000${this.styleXml}`, () => {
      const [first, rest, plainFirst, plainRest] = this.renderBatch(probeItems());
      return learnNameLayout(first ?? '', rest ?? '', plainFirst ?? '', plainRest ?? '', {
        lang: this.lang,
        ...this.terms(),
      });
    });
    return this.layout;
  }
}

const ID_PREFIX = 'bibfolio:';

/** Engines kept, most recently used last: a process that renders many styles (the sweep) does not grow without end. */
const MAX_ENGINES = 16;
const cache = new Map<string, ListEngine>();

export function engineFor(style: StyleSource, lang = 'en-US'): ListEngine {
  const key = `${lang}\u0000${style.id}\u0000${style.disambiguate === true}\u0000${style.xml}`;
  let engine = cache.get(key);
  if (engine) cache.delete(key);
  else engine = new ListEngine(style, lang);
  cache.set(key, engine);
  if (cache.size > MAX_ENGINES) cache.delete(cache.keys().next().value as string);
  return engine;
}
