/**
 * A project: the config (found beside the working folder, or given), the store it names, the owner and where styles
 * are looked for. What every command starts from; the library's, so that a script opens a project as the CLI does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { styleSearchDirs } from '../csl/style-dirs.js';
import { CONFIG_FILE, ConfigError, defaultConfig, parseConfig, toPersonName, type Config } from '../model/config.js';
import { parseConfigCached, type ConfigCache } from './config-cache.js';
import { OwnerMatcher } from '../model/names.js';
import { checkedOutputPath } from '../store/output-guard.js';
import { sidecarPathFor } from '../sync/sidecar.js';
import { UsageError } from '../model/errors.js';

export interface Project {
  readonly config: Config;
  /** Folder that relative paths of the config are resolved from. */
  readonly root: string;
  readonly storePath: string;
  /** The config file read, when there was one. */
  readonly configPath?: string;
  /** The store path as the user should read it in messages. */
  readonly storeDisplay: string;
  readonly owner?: OwnerMatcher;
  /** Folders searched for a style name: the project's styles/, the config's styleDirs, bibfolio's, the cache. */
  readonly styleDirs: readonly string[];
}

/** Where the project is opened from, and the command line's --config, --bib and --owner. */
export interface ProjectOptions {
  readonly cwd: string;
  /** XDG_CACHE_HOME and HOME: where the user's styles cache is. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly config?: string;
  readonly bib?: string;
  readonly owner?: string;
  /** Remember validated configs here (engine/config-cache.ts); none: validate at every open. */
  readonly configCache?: ConfigCache;
}

/** `--owner NAME`: a name that is no name is a usage error. */
function ownerFlag(name: string) {
  try {
    return toPersonName(name);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(`--owner: ${err.message}`);
    throw err;
  }
}

/** Reads the project's config; a config that cannot be read or is invalid is a ConfigError naming the file. */
export function openProject(options: ProjectOptions): Project {
  let config: Config;
  let root = options.cwd;
  let configRead: string | undefined;
  const explicit = options.config !== undefined;
  const configPath = resolve(options.cwd, options.config ?? CONFIG_FILE);
  if (explicit || existsSync(configPath)) {
    let text: string;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch (err) {
      throw new ConfigError(
        `cannot read the config ${configPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    const file = relative(options.cwd, configPath) || configPath;
    config = options.configCache ? parseConfigCached(text, file, options.configCache) : parseConfig(text, file);
    root = dirname(configPath);
    configRead = configPath;
  } else {
    // no config file: the defaults, which are what an empty config validates to
    config = options.configCache ? parseConfigCached('{}', CONFIG_FILE, options.configCache) : defaultConfig();
  }
  const storePath = options.bib !== undefined ? resolve(options.cwd, options.bib) : resolve(root, config.store);
  const ownerNames =
    options.owner !== undefined
      ? [ownerFlag(options.owner)]
      : config.owner
        ? [config.owner.name, ...config.owner.variants].map(toPersonName)
        : [];
  return {
    config,
    root,
    storePath,
    ...(configRead !== undefined ? { configPath: configRead } : {}),
    storeDisplay: relative(options.cwd, storePath) || storePath,
    styleDirs: styleSearchDirs(root, config.styleDirs, options.env),
    ...(ownerNames.length > 0 ? { owner: new OwnerMatcher(ownerNames) } : {}),
  };
}

/**
 * An output path checked before anything is written: never the store, its sidecar or the config; inside the project
 * when it comes from the config (`fromConfig`), anywhere the command line names. Refused: an OutputPathError.
 */
export function outputPath(project: Project, path: string, what: string, fromConfig: boolean): string {
  return checkedOutputPath(path, {
    protectedPaths: [
      project.storePath,
      sidecarPathFor(project.storePath),
      ...(project.configPath ? [project.configPath] : []),
    ],
    what,
    ...(fromConfig ? { within: project.root } : {}),
  });
}
