/** The yaml package, on first use (see README.md here): only YAML output and Hugo bundles load it. */
import { stringify } from 'yaml';

const yaml = { stringify };

export type Yaml = typeof yaml;
export const load = (): Yaml => yaml;
export default yaml;
