/**
 * `bibfolio sync`: what the config asks for, as steps of one store transaction: new papers from the
 * owner's profiles (`owner.orcid`, `owner.dblp`, `owner.openalex`), arXiv for every entry with an arXiv ID, then the
 * venues of preprints (written, hand edits kept). Each step edits the store in memory; the store is written once at
 * the end, or not at all when any step failed for good (exit 1). One report: each step's lines under its name, then
 * what failed; with `--json` one document holding each step's report.
 */
import { Command } from 'commander';
import { EXIT, failureOf } from '../failures.js';
import { CliFailure, type Io } from '../io.js';
import { addDeadlineOption, addServiceOptions, addStoreOptions, type ServiceFlags } from '../options.js';
import { projectFor } from '../load.js';
import { StepSession, withStoreSession } from '../store-session.js';

export function syncCommand(io: Io): Command {
  const cmd = new Command('sync').description(
    "run what the config asks for, as one transaction: new papers from the owner's profiles (owner.orcid, owner.dblp, owner.openalex), arXiv, then the venues (hand edits kept); the store is written once, or not at all when a step fails (exit 1)",
  );
  addStoreOptions(cmd);
  addDeadlineOption(cmd);
  cmd
    .option('--dry-run', 'print the diff of every step together; write nothing')
    .option('--refresh', 'ignore the one-day response caches')
    .option('--json', "print one JSON document: each step's report, what failed, the diff of a dry run");
  addServiceOptions(cmd);
  return cmd.action(async (flags: SyncAllFlags) => {
    await run(flags, io);
  });
}

export interface SyncAllFlags extends ServiceFlags {
  bib?: string;
  config?: string;
  dryRun?: boolean;
  refresh?: boolean;
  deadline?: number;
  json?: boolean;
}

interface Step {
  readonly name: string;
  run(within: StepSession, io: Io): Promise<void>;
}

/** The steps the config asks for, in order. */
function stepsFor(
  owner: { orcid?: string; dblp?: string; openalex?: string } | undefined,
  flags: SyncAllFlags,
): Step[] {
  const { json: _json, dryRun: _dry, ...common } = flags;
  const profile = (source: 'orcid' | 'dblp' | 'openalex', id: string, name: string): Step => ({
    name,
    async run(within, io) {
      const { run } = await import('./import.js');
      await run(source, id, { ...common, ...(flags.json ? { json: true } : {}), within }, io);
    },
  });
  return [
    ...(owner?.orcid ? [profile('orcid', owner.orcid, `new papers from ORCID ${owner.orcid}`)] : []),
    ...(owner?.dblp ? [profile('dblp', owner.dblp, `new papers from DBLP ${owner.dblp}`)] : []),
    ...(owner?.openalex ? [profile('openalex', owner.openalex, `new papers from OpenAlex ${owner.openalex}`)] : []),
    {
      name: 'arXiv',
      async run(within, io) {
        const arxiv = await import('./sync-arxiv.js');
        await arxiv.run([], { ...common, ...(flags.json ? { json: true } : {}), within }, io);
      },
    },
    {
      name: 'venues',
      async run(within, io) {
        const venues = await import('./sync-venues.js');
        await venues.run({ ...common, ...(flags.json ? { json: true } : {}), promote: true, within }, io);
      },
    },
  ];
}

export async function run(flags: SyncAllFlags, io: Io): Promise<void> {
  const ctx = projectFor(flags, io);
  const steps = stepsFor(ctx.config.owner, flags);
  await withStoreSession(
    ctx,
    io,
    { dryRun: flags.dryRun ?? false, mayCreate: false, what: 'sync' },
    async (session) => {
      const within = new StepSession(session.store, session.sidecar, session.dryRun);
      const failed: { step: string; message: string }[] = [];
      const reports: Record<string, unknown> = {};
      for (const step of steps) {
        if (!flags.json) io.stderr(`== ${step.name}\n`);
        let captured = '';
        const stepIo: Io = flags.json ? { ...io, stdout: (text) => void (captured += text) } : io;
        try {
          await step.run(within, stepIo);
        } catch (err) {
          // a step that failed for good (a service down, nothing found) is named; a usage error or a bug stops the run
          const failure = failureOf(err);
          if (failure?.exit !== EXIT.failure) throw err;
          const message = failure.text.replace(/; nothing was written$/, '');
          failed.push({ step: step.name, message });
          if (!flags.json) io.stderr(`failed: ${message}\n`);
        }
        if (flags.json && captured.trim()) reports[step.name] = JSON.parse(captured) as unknown;
      }
      const write = failed.length === 0;
      if (write) await session.commit(within.store.scan.source, within.sidecar);
      if (flags.json) {
        io.stdout(
          `${JSON.stringify(
            {
              steps: reports,
              failed,
              changed: within.changed,
              written: write && within.changed && !session.dryRun,
              ...(session.diff ? { diff: session.diff } : {}),
            },
            null,
            2,
          )}\n`,
        );
      } else if (session.diff !== undefined) io.stdout(session.diff);
      if (!write)
        throw new CliFailure(
          `sync: ${failed.map((f) => f.step).join(', ')} failed (above); nothing was written, the store is as it was`,
        );
      if (!flags.json)
        io.stderr(
          `== sync: ${
            !within.changed
              ? 'nothing to change'
              : session.dryRun
                ? `${ctx.storeDisplay} would change (diff above); nothing was written`
                : `${ctx.storeDisplay} written once, with every step's changes`
          }\n`,
        );
    },
  );
}
