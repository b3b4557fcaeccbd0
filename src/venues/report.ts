/** The venue sync's report, for people (text); tools read the report object as JSON. */
import { clip } from '../sync/report.js';
import type { VenueReport, VenueReportItem } from './plan.js';

function item(i: VenueReportItem, tail: string): string[] {
  return [
    `  ${i.key}  ${i.id}: ${clip(i.venue ?? '', 100)}${tail}`,
    ...i.claims.map((c) => `      ${c.source}: ${clip(c.says, 100)}`),
  ];
}

export function formatVenueReport(
  report: VenueReport,
  { written, promote }: { readonly written: boolean; readonly promote: boolean },
  requests: Readonly<Record<string, number>>,
): string {
  const lines: string[] = [];
  if (report.published.length > 0) {
    lines.push(`published (${report.published.length}):`);
    for (const p of report.published) {
      const tail =
        p.written.length > 0
          ? ` (${written ? 'written' : 'would write'}: ${p.written.join(', ')})`
          : p.pending.length > 0
            ? ` (run with --promote to write: ${p.pending.join(', ')})`
            : promote
              ? ' (in the store; your own values are kept)'
              : ' (in the store)';
      lines.push(...item(p, tail));
    }
  }
  if (report.suggested.length > 0) {
    lines.push(`suggested, written only with --accept KEY (${report.suggested.length}):`);
    for (const s of report.suggested) {
      const tail =
        s.written.length > 0
          ? ` (accepted: ${s.written.join(', ')})`
          : s.pending.length > 0
            ? ` (${s.reason ?? ''})`
            : ' (in the store)';
      lines.push(...item(s, tail));
    }
  }
  if (report.kept.length > 0) {
    lines.push(`kept: hand-written values that differ from the venue's (${report.kept.length}):`);
    for (const k of report.kept)
      lines.push(`  ${k.key}.${k.field}: yours "${clip(k.ours, 60)}", venue "${clip(k.theirs, 60)}"`);
  }
  const wrote = [...report.published, ...report.suggested].filter((i) => i.written.length > 0).length;
  const asked = Object.entries(requests)
    .map(([service, n]) => `${service} ${n}`)
    .join(', ');
  lines.push(
    `${report.published.length} published, ${report.suggested.length} suggested, ${report.nothing.length} with no venue beyond the preprint; ` +
      `${wrote} entr${wrote === 1 ? 'y' : 'ies'} ${written ? 'changed' : 'would change'}; requests: ${asked}`,
  );
  return `${lines.join('\n')}\n`;
}
