/** fast-xml-parser, on first use (see README.md here): arXiv's and DBLP's answers, and checking a CSL file. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const xml = { XMLParser, XMLValidator };

export type Xml = typeof xml;
export const load = (): Xml => xml;
export default xml;
