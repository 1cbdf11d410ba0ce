/** The demo's closing screen, read back from its server: what was ingested and every incident. */
import { terminalSafe } from '../cli/terminal-text.js';
import type { DemoApi } from './demo-api.js';
import type { TrafficStats } from './demo-traffic.js';
import { clockText, currentStage, draftOf, wrapText } from './verdict-format.js';

/** What the app side counted. */
export interface AppCounts {
  readonly traffic: TrafficStats;
  /** Records the batch sink had acknowledged, and dropped. */
  readonly sent: number;
  readonly dropped: number;
}

/** Prints the summary; resolves with the number of incidents. */
export async function printSummary(
  api: DemoApi,
  app: AppCounts,
  out: (line: string) => void,
): Promise<number> {
  const [ingested, ids] = await Promise.all([api.recordsIngested(), api.incidentIds()]);
  const incidents = await Promise.all(ids.reverse().map((id) => api.incident(id)));
  out(`\n${'─'.repeat(96)}`);
  out(
    `${app.traffic.calls} calls, ${app.traffic.callerErrors} errors seen by the app; its batch sink sent ${app.sent} call records (${app.dropped} dropped).`,
  );
  const bySource = [...ingested].map(([source, n]) => `${n} ${terminalSafe(source)}`).join(', ');
  const total = [...ingested.values()].reduce((a, b) => a + b, 0);
  out(
    `The server at ${api.baseUrl} ingested ${total} records (by source: ${bySource}; faultline_records_ingested_total in /metrics) ` +
      `and holds ${incidents.length} incident${incidents.length === 1 ? '' : 's'} (/v1/incidents).`,
  );
  for (const i of incidents) {
    const delayS = Math.round((Date.parse(i.detected_at) - Date.parse(i.started_at)) / 1000);
    const end =
      i.resolved_at === null ? 'still open' : `resolved ${clockText(Date.parse(i.resolved_at))}`;
    out(
      `\n${terminalSafe(i.id)}: ${terminalSafe(i.layer)} layer, ${terminalSafe(i.reason)}, owner ${terminalSafe(i.owner)}, scope ${terminalSafe(i.scope)} (${terminalSafe(i.models.join(', '))})`,
    );
    out(
      `  started ${clockText(Date.parse(i.started_at))}, detected ${delayS} s later, ${end}; peak ${Math.round(i.peak_error_rate * 100)}% failing, ${i.affected_calls} calls affected`,
    );
    for (const e of i.evidence) out(`  · ${wrapText(e.text, 4).trimStart()}`);
    for (const voice of ['public', 'internal'] as const) {
      const text = draftOf(i, voice);
      if (text === undefined) continue;
      out(`\n  ${voice === 'public' ? 'Public' : 'Internal'} update (${currentStage(i)}):`);
      out(wrapText(text, 4));
    }
  }
  return incidents.length;
}
