/** citation-js's RIS reader (@citation-js/plugin-ris), on first use (see README.md here): `bibfolio import FILE.ris`. */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';

/** A RIS file as CSL-JSON items. */
function risToCsl(text: string): unknown[] {
  const out = plugins.input.chain(text, { forceType: '@ris/file', generateGraph: false });
  return Array.isArray(out) ? out : [];
}

const ris = { risToCsl };

export type Ris = typeof ris;
export const load = (): Ris => ris;
export default ris;
