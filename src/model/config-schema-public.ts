/**
 * The config's schema as a value, for the public API (`import { configSchema } from 'bibfolio'`). The command line
 * never imports this module: there the schema is built only when a config needs validating (config-schema.ts).
 */
import { configSchemaOf } from './config-schema.js';

export const configSchema = configSchemaOf();
