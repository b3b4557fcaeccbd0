/** Command-line options of the list commands, merged over the config. */
import { loadStyle } from '../csl/registry.js';
import type { OutputSpec } from '../model/config.js';
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
    annotations: config.annotations,
    standalone: flags.standalone ?? output?.standalone ?? false,
    title: config.title,
  };
}
