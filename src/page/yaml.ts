/** YAML for site generators (Jekyll's `_data`, Hugo's `data/`), by the `yaml` package: block style, no aliases. */
import { load as yaml } from '../vendor/yaml.js';

export function toYaml(value: unknown): string {
  return yaml().stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}
