/** unicode2latex's tables (Better BibTeX's), on first use (see README.md here); they take ~30 ms to build. */
import { bibtex, latex2unicode, Transform } from 'unicode2latex';

const unicode2latex = { bibtex, latex2unicode, Transform };

export type Unicode2latex = typeof unicode2latex;
export const load = (): Unicode2latex => unicode2latex;
export default unicode2latex;
