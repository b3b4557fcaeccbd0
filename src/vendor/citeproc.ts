/** citeproc-js, on first use (see README.md here). */
import CSL from 'citeproc';

export type Citeproc = typeof CSL;
export const load = (): Citeproc => CSL;
export default CSL;
