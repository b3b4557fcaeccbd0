/** The sync report, for people (text) and for tools (`--json`). */
import type { SyncReport } from './plan.js';

/** One line of at most `max` characters, cut with an ellipsis. */
export function clip(text: string, max = 90): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function formatReport(report: SyncReport, written: boolean): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`, ...items.map((i) => `  ${i}`));
  };
  section(
    'created',
    report.created.map((c) => `${c.key}  arXiv:${c.id}`),
  );
  section(
    'updated',
    report.updated.map((u) => `${u.key}  arXiv:${u.id}: ${u.fields.join(', ')}`),
  );
  section(
    'published since last sync',
    report.published.map(
      (p) =>
        `${p.key}  arXiv:${p.id}: ${[p.journalRef, p.doi ? `doi:${p.doi}` : undefined].filter(Boolean).join(', ')}` +
        (p.promoted ? ' (promoted)' : ' (run with --promote to make it a published entry)'),
    ),
  );
  section(
    'new arXiv versions',
    report.newVersions
      .filter((v) => v.from !== undefined)
      .map((v) => `${v.key}  arXiv:${v.id}: v${v.from} -> v${v.to}`),
  );
  section(
    'conflicts: edited by hand and changed on arXiv; your value is kept',
    report.conflicts.map((c) => `${c.key}.${c.field}: yours "${clip(c.ours, 60)}", arXiv now "${clip(c.theirs, 60)}"`),
  );
  section(
    'kept: hand-written values that differ from arXiv',
    report.kept.map((c) => `${c.key}.${c.field}: yours "${clip(c.ours, 60)}", arXiv "${clip(c.theirs, 60)}"`),
  );
  section(
    'not found on arXiv',
    report.notFound.map((id) => `arXiv:${id}`),
  );
  const total =
    `${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ` +
    `${report.conflicts.length} conflict${report.conflicts.length === 1 ? '' : 's'}, ${report.notFound.length} not found`;
  lines.push(written ? total : `${total} (dry run: nothing written)`);
  return `${lines.join('\n')}\n`;
}
