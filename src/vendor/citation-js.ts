/**
 * citation-js with its BibTeX plugin, its value reader, its field types and its mapping to CSL, and its name parser, on
 * first use (see README.md here). The plugin registers itself with the core when this module runs.
 */
import { plugins } from '@citation-js/core';
import { parse as parseName } from '@citation-js/name';
import '@citation-js/plugin-bibtex';
import { fieldTypes, ligatures } from '@citation-js/plugin-bibtex/lib/input/constants.js';
import { getStringCase, orderNamePieces } from '@citation-js/plugin-bibtex/lib/input/name.js';
import { parse as parseValue } from '@citation-js/plugin-bibtex/lib/input/value.js';
import { parse as mapEntries } from '@citation-js/plugin-bibtex/lib/mapping/index.js';

const citationJs = {
  plugins,
  parseName,
  parseValue,
  fieldTypes,
  ligatures,
  mapEntries,
  getStringCase,
  orderNamePieces,
};

export type CitationJs = typeof citationJs;
export const load = (): CitationJs => citationJs;
export default citationJs;
