/**
 * `--to json` and `--to yaml`: per entry, the CSL-JSON item (bibfolio's data under `custom`: the owner's position, the
 * annotations) and the data site generators read (page/data.ts), input text restored as it was.
 */
import type { DecoratedAuthors } from '../csl/authors.js';
import { plain } from '../csl/ir.js';
import type { CslItem } from '../csl/types.js';
import { lookupTable } from '../model/lookup-table.js';
import { entryData } from '../page/data.js';
import type { EntryExtras } from '../page/extras.js';
import { toYaml } from '../page/yaml.js';
import type { AnnotationStyle, ResolvedEntry } from './document.js';
import type { Group } from './group.js';

/** What the data output needs of a prepared list. */
export interface DataInput {
  readonly options: {
    readonly format: string;
    readonly annotations: Readonly<Record<string, AnnotationStyle>>;
    readonly page?: { readonly extras: ReadonlyMap<string, EntryExtras> };
  };
  readonly groups: readonly Group[];
  readonly ordered: readonly CslItem[];
  readonly decorated: readonly DecoratedAuthors[];
}

/** Input text as it was: literal `<` and `>` were kept as private-use characters on the way through citeproc-js. */
function restoreText(value: unknown): unknown {
  if (typeof value === 'string') return plain(value);
  if (Array.isArray(value)) return value.map(restoreText);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreText(v)]));
  }
  return value;
}

/** JSON or YAML: per entry, the CSL-JSON item and bibfolio's data for site generators (see page/data.ts). */
export function dataOutput(prepared: DataInput, entries: readonly ResolvedEntry[]): string {
  const { options, ordered, decorated, groups } = prepared;
  const headings = groups.flatMap((g) => g.items.map(() => g.heading));
  const symbols = lookupTable(
    Object.fromEntries(Object.entries(options.annotations).map(([name, a]) => [name, a.symbol])),
  );
  const data = ordered.map((item, i) => {
    const d = decorated[i] as DecoratedAuthors;
    return {
      ...(toJson(item, d) as object),
      bibfolio: entryData(
        item,
        entries[i]?.ir ?? '',
        headings[i],
        d.ownerIndex,
        symbols,
        options.page?.extras.get(item.custom.key),
      ),
    };
  });
  return options.format === 'yaml' ? toYaml(data) : `${JSON.stringify(data, null, 2)}\n`;
}

/** CSL-JSON for other tools, with the owner and the annotation marks as data under `custom`. */
function toJson(item: CslItem, d: DecoratedAuthors): unknown {
  return {
    ...(restoreText(item) as CslItem),
    custom: {
      ...item.custom,
      ownerPosition: d.ownerIndex >= 0 ? d.ownerIndex + 1 : null,
    },
  };
}
