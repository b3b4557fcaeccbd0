/** The yaml package, on first use (see README.md here): YAML output, Hugo bundles and `init --from` load it. */
import { parse, stringify } from 'yaml';

const yaml = { parse, stringify };

export type Yaml = typeof yaml;
export const load = (): Yaml => yaml;
export default yaml;
