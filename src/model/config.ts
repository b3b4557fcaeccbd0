/**
 * `bibfolio.config.json`: one optional file, validated with errors that say which key is wrong and where.
 * Pure: `parseConfig` takes the file's text; reading it is the CLI's job.
 */
import { load as citationJs } from '../vendor/citation-js.js';
import { closest } from './closest.js';
import { ConfigError } from './errors.js';
import { configSchemaOf, type Config, type NameSpec } from './config-schema.js';
import { NameChanges } from './name-changes.js';
import type { PersonName } from './names.js';

export { type Config, type NameSpec, type OutputSpec } from './config-schema.js';

export const CONFIG_FILE = 'bibfolio.config.json';

export function defaultConfig(): Config {
  return configSchemaOf().parse({});
}

/** Parses and validates the config text; every problem is listed with its JSON path. */
export function parseConfig(text: string, file = CONFIG_FILE): Config {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const result = configSchemaOf().safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const where = issue.path.length
      ? issue.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, '')
      : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issue.path);
      const keys = issue.keys.map((k) => {
        const near = closest(k, known);
        return near ? `"${k}" (did you mean "${near}"?)` : `"${k}"`;
      });
      return `${file}: unknown key${issue.keys.length > 1 ? 's' : ''} ${keys.join(', ')} at ${where}`;
    }
    return `${file}: ${where}: ${issue.message}`;
  });
  throw new ConfigError(lines.join('\n'));
}

export function nameChangesOf(config: Config): NameChanges {
  return nameChangesFrom(config.nameChanges);
}

/** `nameChanges` as the config writes it (former name -> current name) as name changes. */
export function nameChangesFrom(changes: Readonly<Record<string, NameSpec>>): NameChanges {
  return new NameChanges(
    Object.entries(changes).map(([former, current]) => [toPersonName(former), toPersonName(current)] as const),
  );
}

/** The two forms of a plain name, over words of the given pattern: "Given Family" and "Family, Given". */
function namePatterns(word: string, flags: string): readonly [givenFamily: RegExp, familyGiven: RegExp] {
  return [
    new RegExp(`^(${word}(?:\\s+${word})*)\\s+(${word})$`, flags),
    new RegExp(`^(${word}),\\s*(${word}(?:\\s+${word})*)$`, flags),
  ];
}

/**
 * Words of ASCII letters: for an ASCII name the same as the Unicode patterns (\p{Lu} is [A-Z] there, \p{L} [A-Za-z]),
 * and cheap to build, where Unicode property classes cost a warm run about 1 ms to compile and 1 ms to run the
 * first times (measured in a fresh `node -e`). The Unicode ones are built for the first name that needs them.
 */
const ASCII_NAMES = namePatterns("[A-Z][A-Za-z'.-]*", '');
let unicodeNames: ReturnType<typeof namePatterns> | undefined;

/**
 * Names with nothing for a parser to decide (capitalised words, no particle, no suffix, no braces): "Joe Benton",
 * "J. Benton", "Benton, Joe" split directly, as @citation-js/name splits them, without loading its grammar at start-up.
 */
export function plainName(spec: string): PersonName | undefined {
  const text = spec.trim().replace(/\s+/g, ' ');
  if (/\b(?:jr|sr|ii|iii|iv)\.?$/i.test(text)) return undefined;
  const [givenFamily, familyGiven] = /^[\x00-\x7f]*$/.test(text)
    ? ASCII_NAMES
    : (unicodeNames ??= namePatterns("\\p{Lu}[\\p{L}'’.-]*", 'u'));
  const a = givenFamily.exec(text);
  if (a) return { family: a[2] as string, given: a[1] as string };
  const b = familyGiven.exec(text);
  if (b) return { family: b[1] as string, given: b[2] as string };
  return undefined;
}

/** A configured name as a structured name: `"Joe Benton"`, `"Benton, Joe"` or `{ family, given }`. */
export function toPersonName(spec: NameSpec): PersonName {
  if (typeof spec !== 'string')
    return spec.given ? { family: spec.family, given: spec.given } : { family: spec.family };
  if (spec.trim() === '') throw new ConfigError('the owner\'s name is empty; give it as "Joe Benton" or "Benton, Joe"');
  const plain = plainName(spec);
  if (plain) return plain;
  const parsed = citationJs().parseName(spec);
  const name: Record<string, string> = {};
  for (const part of ['family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const) {
    if (parsed[part]) name[part] = parsed[part];
  }
  // one word is a family name ("Benton"), never a given name with no family
  if (!name.family && name.given && !name.given.includes(' ')) return { family: name.given };
  if (!name.family)
    throw new ConfigError(`the owner's name "${spec}" has no family name; give it as "Joe Benton" or "Benton, Joe"`);
  return name as PersonName;
}

/** The keys the schema allows at a path of the config (top level, owner, sync, export, outputs[n]). */
function knownKeys(path: readonly PropertyKey[]): string[] {
  type Def = { type?: string; innerType?: Schema; element?: Schema; shape?: Record<string, Schema> };
  type Schema = { _zod: { def: Def } };
  const bare = (schema: Schema): Def => {
    let def = schema._zod.def;
    while (def.innerType && !def.shape) def = def.innerType._zod.def;
    return def;
  };
  let schema: Schema | undefined = configSchemaOf() as unknown as Schema;
  for (const step of path) {
    const def = bare(schema);
    schema = typeof step === 'number' ? def.element : def.shape?.[String(step)];
    if (schema === undefined) return [];
  }
  return Object.keys(bare(schema).shape ?? {});
}

export { ConfigError };
