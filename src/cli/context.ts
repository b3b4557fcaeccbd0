/** Shared by the commands: the config (found or given), the store path, the owner. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { styleSearchDirs } from '../csl/style-dirs.js';
import { CONFIG_FILE, ConfigError, defaultConfig, parseConfig, toPersonName, type Config } from '../model/config.js';
import { OwnerMatcher } from '../model/names.js';
import { checkedOutputPath, OutputPathError } from '../store/output-guard.js';
import { sidecarPathFor } from '../sync/sidecar.js';
import { CliFailure, CliUsageError, type Io } from './io.js';

export interface Context {
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

export interface ContextOptions {
  readonly config?: string;
  readonly bib?: string;
  readonly owner?: string;
}

/** `--owner NAME`: a name that is no name is a usage error. */
function ownerFlag(name: string) {
  try {
    return toPersonName(name);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliUsageError(`--owner: ${err.message}`);
    throw err;
  }
}

export function loadContext(options: ContextOptions, io: Io): Context {
  let config: Config;
  let root = io.cwd;
  let configRead: string | undefined;
  const explicit = options.config !== undefined;
  const configPath = resolve(io.cwd, options.config ?? CONFIG_FILE);
  if (explicit || existsSync(configPath)) {
    let text: string;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch (err) {
      throw new CliFailure(
        `cannot read the config ${configPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    config = parseConfig(text, relative(io.cwd, configPath) || configPath);
    root = dirname(configPath);
    configRead = configPath;
  } else {
    config = defaultConfig();
  }
  const storePath = options.bib !== undefined ? resolve(io.cwd, options.bib) : resolve(root, config.store);
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
    storeDisplay: relative(io.cwd, storePath) || storePath,
    styleDirs: styleSearchDirs(root, config.styleDirs, io.env),
    ...(ownerNames.length > 0 ? { owner: new OwnerMatcher(ownerNames) } : {}),
  };
}

/**
 * An output path checked before anything is written: never the store, its sidecar or the config; inside the project
 * when it comes from the config (`fromConfig`), anywhere the command line names.
 */
export function outputPath(ctx: Context, path: string, what: string, fromConfig: boolean): string {
  try {
    return checkedOutputPath(path, {
      protectedPaths: [ctx.storePath, sidecarPathFor(ctx.storePath), ...(ctx.configPath ? [ctx.configPath] : [])],
      what,
      ...(fromConfig ? { within: ctx.root } : {}),
    });
  } catch (err) {
    if (err instanceof OutputPathError) throw new CliFailure(err.message);
    throw err;
  }
}
