/**
 * The work of `bibfolio add`: each DOI resolved at the DOI resolver as CSL-JSON (an arXiv ID through its DataCite
 * DOI, `10.48550/arXiv.ID`), the new ones appended to the store in one transaction, as `import` does (its pieces are
 * shared: import.ts); those the store already holds are named with their key. A source that fails for good writes
 * nothing (exit 1).
 */
import { cleanDoi } from '../../model/identifiers.js';
import { parseArxivId } from '../../model/arxiv-id.js';
import { loadContext } from '../context.js';
import { CliFailure, CliUsageError, type Io } from '../io.js';
import { byIdentifiers, clients, commitWorks, doiClientFor, sourced, type ImportFlags } from './import.js';

export type AddFlags = ImportFlags;

/** The DOI each argument names: a DOI itself, or an arXiv ID's DataCite DOI. */
function doiOf(id: string): string {
  const doi = cleanDoi(id);
  if (doi) return doi;
  const arxiv = parseArxivId(id);
  if (arxiv) return `10.48550/arXiv.${arxiv.id}`;
  throw new CliUsageError(`"${id}" is neither a DOI (10.NNNN/...) nor an arXiv ID (2506.15740)`);
}

export async function run(ids: readonly string[], flags: AddFlags, io: Io): Promise<void> {
  const ctx = loadContext(flags, io);
  const listed = ids.map((id) => ({ id, doi: doiOf(id) }));
  const doiClient = clients(() => doiClientFor(ctx, flags, io));
  const gathered = await sourced(async () => ({
    ...(await byIdentifiers(listed, doiClient, 'the command line')),
    requests: { 'DOI resolver': doiClient.requests },
  }));
  await commitWorks(ctx, io, flags, gathered, 'add');
  if (gathered.works.length === 0) throw new CliFailure('no paper was found; nothing was written');
}
