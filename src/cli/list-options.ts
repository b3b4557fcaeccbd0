/** Command-line options of the list commands, merged over the config. */
import { loadStyle } from '../csl/registry.js';
import type { Config, OutputSpec } from '../model/config.js';
import type { GroupBy } from '../render/group.js';
import type { ListOptions, OutputFormat } from '../render/list.js';
import type { Context } from './context.js';

export interface ListFlags {
  readonly style?: string;
  readonly maxAuthors?: number;
  readonly groupBy?: GroupBy;
  readonly selected?: boolean;
  readonly linkTitles?: boolean;
  readonly locale?: string;
  readonly standalone?: boolean;
  /** `name=symbol` pairs from --mark. */
  readonly mark?: readonly string[];
}

/** The flags every list command takes (see options.ts: addStoreOptions, addListOptions). */
export interface ListCommandFlags extends ListFlags {
  readonly bib?: string;
  readonly config?: string;
  readonly owner?: string;
  readonly keepGoing?: boolean;
  /** false with --no-cache */
  readonly cache?: boolean;
  readonly jobs?: number;
}

/** `cwd` resolves a `--style` path; a style path from the config is resolved from the config's folder. */
export function listOptions(
  ctx: Context,
  cwd: string,
  format: OutputFormat,
  flags: ListFlags,
  output?: OutputSpec,
): ListOptions {
  const { config } = ctx;
  return {
    format,
    style: loadStyle(flags.style ?? output?.style ?? config.style, flags.style !== undefined ? cwd : ctx.root),
    locale: flags.locale ?? config.locale,
    ...(ctx.owner ? { owner: ctx.owner } : {}),
    boldOwner: config.owner?.bold ?? true,
    maxAuthors: flags.maxAuthors ?? output?.maxAuthors ?? config.maxAuthors,
    groupBy: flags.groupBy ?? output?.groupBy ?? config.groupBy,
    selectedOnly: flags.selected ?? output?.selected ?? false,
    linkTitles: flags.linkTitles ?? output?.linkTitles ?? config.linkTitles,
    annotations: withMarks(config.annotations, flags.mark ?? []),
    standalone: flags.standalone ?? output?.standalone ?? false,
    title: config.title,
  };
}

/** The config's annotation symbols with --mark overrides; a new annotation's legend is its name. */
function withMarks(annotations: Config['annotations'], marks: readonly string[]): Config['annotations'] {
  const out = { ...annotations };
  for (const mark of marks) {
    const at = mark.indexOf('=');
    const name = mark.slice(0, at);
    out[name] = { symbol: mark.slice(at + 1), legend: annotations[name]?.legend ?? name };
  }
  return out;
}
