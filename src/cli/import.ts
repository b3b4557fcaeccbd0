/** `bibfolio import orcid ID` and `bibfolio import FILE`: a researcher's papers from where they already are. */
import { Command } from 'commander';
import type { ImportFlags } from './actions/import.js';
import type { Io } from './io.js';
import { addDeadlineOption, addServiceOptions, addStoreOptions, addWorkOptions } from './options.js';

export function importCommand(io: Io): Command {
  const cmd = new Command('import')
    .description(
      "import papers: an ORCID record's works (public API v3.0), a DBLP person's records, an OpenAlex author's works (every page), each fetched by its DOI or arXiv ID; or a file (.bib, RIS .ris, CSL-JSON .json). Each paper once (a preprint and its published version become one entry); works without an identifier are named, not guessed",
    )
    .argument('<source>', '"orcid", "dblp", "openalex", or a file to import (.bib, .json)')
    .argument('[id]', 'the ORCID iD (0000-0002-1825-0097), DBLP person id (123/4567) or OpenAlex author (A5023888391)');
  addStoreOptions(cmd);
  addDeadlineOption(cmd);
  addWorkOptions(cmd);
  cmd.option('--json', 'print the report as JSON');
  addServiceOptions(cmd);
  return cmd.action(async (source: string, id: string | undefined, flags: ImportFlags) => {
    const { run } = await import('./actions/import.js');
    await run(source, id, flags, io);
  });
}
