/**
 * `bibfolio add`: each DOI resolved at the DOI resolver as CSL-JSON (an arXiv ID through its DataCite
 * DOI, `10.48550/arXiv.ID`), the new ones appended to the store in one transaction, as `import` does (its pieces are
 * shared: import.ts); those the store already holds are named with their key. A source that fails for good writes
 * nothing (exit 1).
 */
import { Command } from 'commander';
import { CliFailure, type Io } from '../io.js';
import { UsageError } from '../../model/errors.js';
import { addWorkOptions } from '../options.js';
import { cleanDoi } from '../../model/identifiers.js';
import { parseArxivId } from '../../model/arxiv-id.js';
import { projectFor } from '../load.js';
import { byIdentifiers, commitWorks, doiClientFor, type ImportFlags } from './import.js';

export function addCommand(io: Io): Command {
  const cmd = new Command('add')
    .description(
      "add papers by DOI (bare, doi:, https://doi.org/...) or arXiv ID: each resolved at the DOI resolver as CSL-JSON (Crossref's or DataCite's API when it cannot answer), written as a clean entry in the store's key pattern, once (a paper the store has is named with its key; its title under another first author is a question --accept answers); nothing is written when a source fails (exit 1)",
    )
    .argument('<ids...>', 'DOIs or arXiv IDs, e.g. 10.1093/jrsssb/qkae005 2506.15740');
  addWorkOptions(cmd);
  return cmd.action(async (ids: string[], flags: AddFlags) => {
    await run(ids, flags, io);
  });
}

export type AddFlags = ImportFlags;

/** The DOI each argument names: a DOI itself, or an arXiv ID's DataCite DOI. */
function doiOf(id: string): string {
  const doi = cleanDoi(id);
  if (doi) return doi;
  const arxiv = parseArxivId(id);
  if (arxiv) return `10.48550/arXiv.${arxiv.id}`;
  throw new UsageError(`"${id}" is neither a DOI (10.NNNN/...) nor an arXiv ID (2506.15740)`);
}

export async function run(ids: readonly string[], flags: AddFlags, io: Io): Promise<void> {
  const ctx = projectFor(flags, io);
  const listed = ids.map((id) => ({ id, doi: doiOf(id) }));
  const doiClient = doiClientFor(ctx, flags, io);
  const gathered = {
    ...(await byIdentifiers(listed, doiClient, 'the command line')),
    requests: { 'DOI resolver': doiClient.requests },
  };
  await commitWorks(ctx, io, flags, gathered, 'add');
  if (gathered.works.length === 0) throw new CliFailure('no paper was found; nothing was written');
}
