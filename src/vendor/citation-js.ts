/**
 * citation-js with its BibTeX plugin, its value reader and its name parser, on first use (see README.md here). The plugin registers
 * itself with the core when this module runs.
 */
import { plugins } from '@citation-js/core';
import { parse as parseName } from '@citation-js/name';
import '@citation-js/plugin-bibtex';
import { parse as parseValue } from '@citation-js/plugin-bibtex/lib/input/value.js';

const citationJs = { plugins, parseName, parseValue };

export type CitationJs = typeof citationJs;
export const load = (): CitationJs => citationJs;
export default citationJs;
