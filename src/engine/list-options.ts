/**
 * A list's options: the list flags (as the command line names them) merged over the project's config and the output's
 * spec. A malformed flag is a UsageError; a config that names what cannot be read is a ConfigError.
 */
import { loadStyle, resolveLocale, type StyleSource } from '../csl/registry.js';
import type { Config, OutputSpec } from '../model/config.js';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ConfigError, toPersonName } from '../model/config.js';
import { load as yaml } from '../vendor/yaml.js';
import { OwnerMatcher, type PersonName } from '../model/names.js';
import { CoauthorLinks, coauthorsFromAlFolio, roleAnnotation, type Member } from '../model/people.js';
import type { PageHeader } from '../page/header.js';
import type { GroupBy } from '../render/group.js';
import type { ListOptions, OutputFormat } from '../render/list.js';
import type { Project } from './project.js';
import { UsageError } from '../model/errors.js';

export interface ListFlags {
  readonly style?: string;
  readonly maxAuthors?: number;
  readonly groupBy?: GroupBy;
  readonly selected?: boolean;
  readonly linkTitles?: boolean;
  readonly disambiguate?: boolean;
  /** One member's own list: their papers, their name set apart as the owner's. */
  readonly person?: string;
  readonly locale?: string;
  readonly standalone?: boolean;
  readonly selectedFirst?: boolean;
  readonly css?: string;
  /** `name=symbol` pairs from --mark. */
  readonly mark?: readonly string[];
}

/** The page header the config's `page` describes. */
function pageHeader(page: NonNullable<Config['page']>): PageHeader {
  return {
    ...(page.name ? { name: page.name } : {}),
    ...(page.affiliation ? { affiliation: page.affiliation } : {}),
    ...(page.photo ? { photo: page.photo } : {}),
    ...(page.links ? { links: page.links } : {}),
  };
}

/** `cwd` resolves a `--style` path; a style path from the config is resolved from the config's folder. */
export function listOptions(
  project: Project,
  cwd: string,
  format: OutputFormat,
  flags: ListFlags,
  output?: OutputSpec,
): ListOptions {
  const { config } = project;
  const loaded = loadStyle(flags.style ?? output?.style ?? config.style, {
    cwd: flags.style !== undefined ? cwd : project.root,
    dirs: project.styleDirs,
  });
  const style =
    (flags.disambiguate ?? output?.disambiguate ?? config.disambiguate) ? { ...loaded, disambiguate: true } : loaded;
  return {
    format,
    style,
    locale: chooseLocale(style, flags.locale, output?.locale ?? config.locale),
    ...(flags.person !== undefined
      ? { owner: personMatcher(config, flags.person), ownerOnly: true }
      : project.owner
        ? { owner: project.owner }
        : {}),
    ...(config.people.length > 0 ? { members: membersOf(config) } : {}),
    ...(config.coauthors !== undefined ? { coauthors: coauthorLinks(config.coauthors, project.root) } : {}),
    boldOwner: config.owner?.bold ?? true,
    maxAuthors: flags.maxAuthors ?? output?.maxAuthors ?? config.maxAuthors,
    groupBy: flags.groupBy ?? output?.groupBy ?? config.groupBy,
    selectedOnly: flags.selected ?? output?.selected ?? false,
    linkTitles: flags.linkTitles ?? output?.linkTitles ?? config.linkTitles,
    annotations: withMarks(withRoles(config), flags.mark ?? []),
    standalone: flags.standalone ?? output?.standalone ?? false,
    title: config.title,
    ...(format === 'html' || format === 'json' || format === 'yaml'
      ? {
          pageSpec: {
            selectedFirst: flags.selectedFirst ?? output?.selectedFirst ?? false,
            ...((flags.css ?? output?.css) ? { css: (flags.css ?? output?.css) as string } : {}),
            ...(config.linkFields ? { linkFields: config.linkFields } : {}),
            ...(config.linkBase ? { linkBase: config.linkBase } : {}),
            bibtexTarget: config.export.target,
            ...(config.page ? { header: pageHeader(config.page) } : {}),
            ...(config.page?.search ? { search: true } : {}),
            ...(config.page?.chart ? { chart: true } : {}),
            ...(config.page?.previewBase ? { previewBase: config.page.previewBase } : {}),
            ...(config.page?.perEntry && output?.path && (flags.standalone ?? output.standalone ?? false)
              ? { perEntry: { listFile: basename(output.path) } }
              : {}),
          },
        }
      : {}),
  };
}

/** The lab's members as the lists set them apart. */
function membersOf(config: Config): Member[] {
  return config.people.map((p) => ({
    matcher: new OwnerMatcher([p.name, ...p.variants].map(toPersonName)),
    role: p.role,
    style: p.style,
    ...(p.style === 'mark' ? { annotation: roleAnnotation(p.role) } : {}),
  }));
}

/** The annotations with each marked role's symbol and legend (`role:student` -> † Student). */
function withRoles(config: Config): Config['annotations'] {
  const out: Config['annotations'] = Object.assign(Object.create(null), config.annotations);
  for (const p of config.people) {
    if (p.style !== 'mark' || out[roleAnnotation(p.role)]) continue;
    out[roleAnnotation(p.role)] = { symbol: p.mark ?? '†', legend: p.legend ?? p.role };
  }
  return out;
}

/** `--person NAME`: a member of the config's people (by any of their names), else the name itself. */
function personMatcher(config: Config, name: string): OwnerMatcher {
  let asked: PersonName;
  try {
    asked = toPersonName(name);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(`--person: ${err.message}`);
    throw err;
  }
  const member = config.people.find((p) => new OwnerMatcher([p.name, ...p.variants].map(toPersonName)).matches(asked));
  return new OwnerMatcher(member ? [member.name, ...member.variants].map(toPersonName) : [asked]);
}

/** Co-authors' pages: the config's name -> URL, or al-folio's `_data/coauthors.yml` (read from the config's folder). */
function coauthorLinks(spec: NonNullable<Config['coauthors']>, root: string): CoauthorLinks {
  // name -> URL: matched on the whole name, as written
  if (typeof spec !== 'string') return new CoauthorLinks([], spec);
  const path = resolve(root, spec);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `cannot read coauthors ${spec}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    return new CoauthorLinks(coauthorsFromAlFolio(yaml().parse(text)));
  } catch (err) {
    throw new ConfigError(`coauthors ${spec} is not YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** The config's annotation symbols with --mark overrides; a new annotation's legend is its name. */
function withMarks(annotations: Config['annotations'], marks: readonly string[]): Config['annotations'] {
  const out: Config['annotations'] = Object.assign(Object.create(null), annotations);
  for (const mark of marks) {
    const at = mark.indexOf('=');
    const name = mark.slice(0, at);
    out[name] = {
      symbol: mark.slice(at + 1),
      legend: (Object.hasOwn(annotations, name) ? annotations[name]?.legend : undefined) ?? name,
    };
  }
  return out;
}

/**
 * The locale: `--locale`, else the output's or the config's, else the style's own `default-locale`, else en-US. A
 * locale bibfolio does not ship is an error (a usage error when it came from the command line), never English quietly.
 */
function chooseLocale(style: StyleSource, flag: string | undefined, configured: string | undefined): string {
  if (flag !== undefined) {
    const locale = resolveLocale(flag);
    if (!locale)
      throw new UsageError(`--locale ${flag}: no such CSL locale; try en-US, en-GB, de-DE, fr-FR (all: locales/)`);
    return locale;
  }
  if (configured !== undefined) {
    const locale = resolveLocale(configured);
    if (!locale)
      throw new ConfigError(`the config's locale "${configured}" is not a CSL locale; try en-US, en-GB, de-DE, fr-FR`);
    return locale;
  }
  return (style.defaultLocale && resolveLocale(style.defaultLocale)) || 'en-US';
}
