/** YAML for site generators (Jekyll's `_data`, Hugo's `data/`), by the `yaml` package: block style, no aliases. */
import { stringify } from 'yaml';

export function toYaml(value: unknown): string {
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}
