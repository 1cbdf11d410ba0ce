/**
 * `faultline demo`: the incident of incidents.md, live. The fake provider replays two Claude Opus
 * models overloaded for five minutes at 15× speed; the real Anthropic and OpenAI SDKs call it
 * through instrumentFetch; the engine is fed as records arrive and every change of verdict is
 * printed; it ends with the drafted updates and a one-screen summary.
 */
import { createEngine, type Incident } from '@faultline/core';
import { startFakeProvider } from '@faultline/fake-provider';
import type { CliStreams } from '../cli/command/define-command.js';
import { terminalSafe } from '../cli/terminal-text.js';
import { DEMO_PHASES_S, DEMO_SCENARIO, DEMO_TIME_SCALE } from './demo-scenario.js';
import { driveTraffic } from './demo-traffic.js';

export interface DemoDeps {
  /** The public update for an incident at a stage, and the internal message. */
  readonly draft: (
    incident: Omit<Incident, 'update'>,
    stage: 'identified' | 'resolved',
    voice: 'public' | 'internal',
  ) => string;
}

/** Runs the demo with `workers` concurrent callers per model; resolves with the exit status. */
export async function runDemo(
  options: { readonly workers: number },
  io: CliStreams,
  deps: DemoDeps,
): Promise<number> {
  const { workers } = options;
  const out = (line: string): void => void io.stdout.write(line + '\n');
  const totalS = DEMO_PHASES_S.normal + DEMO_PHASES_S.overload + DEMO_PHASES_S.recovered;
  out(
    `Faultline demo: ${totalS / 60} minutes of traffic replayed at ${DEMO_TIME_SCALE}× (about ${Math.round(totalS / DEMO_TIME_SCALE + 15)} s).`,
  );
  out(
    'The app calls claude-opus-4-7, claude-opus-4-8, claude-sonnet-4-6, gpt-5.1 and gpt-4.1-mini.\n',
  );

  const provider = await startFakeProvider({ scenario: DEMO_SCENARIO });
  const wallStart = Date.now();
  const scenarioTime = (wallMs: number): number =>
    wallStart + (wallMs - wallStart) * DEMO_TIME_SCALE;
  const clock = (ms: number): string => `${new Date(ms).toISOString().slice(11, 19)} UTC`;
  const engine = createEngine({ draft: (i) => deps.draft(i, 'identified', 'public') });
  const shown = new Map<string, string>();
  const watching = engine.onChange((e) => {
    const i = e.incident;
    // Updates are printed only when the verdict's reach changes (a model joins, the scope widens).
    const reach = `${i.scope}|${i.models.join(',')}`;
    if (e.kind === 'updated' && shown.get(i.id) === reach) return;
    shown.set(i.id, reach);
    const kind = e.kind === 'updated' ? 'widened' : e.kind;
    out(
      `[${clock(e.atMs)}] ${kind.toUpperCase().padEnd(8)} ${i.layer}/${i.reason} · ${terminalSafe(i.provider ?? 'several providers')} · ` +
        `${terminalSafe(i.models.join(', '))} · scope ${i.scope} · owner ${i.owner}`,
    );
  });
  const counts = { records: 0 };
  const sink = {
    write(record: Parameters<typeof engine.ingest>[0]): void {
      // Records are stamped and fed in scenario time, so the engine's minutes are the scenario's.
      const now = scenarioTime(Date.now());
      const started = typeof record.ts === 'string' ? Date.parse(record.ts) : record.ts;
      (record as { ts: string | number }).ts = new Date(scenarioTime(started)).toISOString();
      counts.records++;
      engine.ingest(record, now);
    },
  };
  // Stops the traffic; each call has its own signal, aborted from this one (see driveTraffic).
  const stop = new AbortController();
  const phases: Array<[number, string]> = [
    [
      DEMO_PHASES_S.normal,
      'phase: overload — the fake Anthropic API starts answering 45% of Opus calls with 529',
    ],
    [
      DEMO_PHASES_S.normal + DEMO_PHASES_S.overload,
      'phase: recovered — the fake Anthropic API is healthy again',
    ],
  ];
  out(`[${clock(scenarioTime(wallStart))}] phase: normal traffic`);
  const ticker = setInterval(() => {
    const now = scenarioTime(Date.now());
    engine.tick(now);
    while (phases.length > 0 && now - wallStart >= phases[0]![0] * 1000)
      out(`[${clock(now)}] ${phases.shift()![1]}`);
  }, 200);
  const endAtWall = wallStart + ((totalS + 15) * 1000) / DEMO_TIME_SCALE;
  const hardStop = setTimeout(() => stop.abort(), Math.max(0, endAtWall - Date.now()));
  const stats = await driveTraffic(provider.url, sink, workers, stop.signal);
  clearTimeout(hardStop);
  clearInterval(ticker);
  engine.tick(scenarioTime(Date.now()));
  watching.dispose();
  await provider.close();

  const incidents = engine.incidents();
  out(`\n${'─'.repeat(96)}`);
  out(
    `${stats.calls} calls, ${counts.records} call records, ${stats.callerErrors} errors seen by the app, ${incidents.length} incident${incidents.length === 1 ? '' : 's'}`,
  );
  for (const i of incidents) {
    const delay = Math.round((Date.parse(i.detected_at) - Date.parse(i.started_at)) / 1000);
    out(
      `\n${i.id}: ${i.layer} layer, ${i.reason}, owner ${i.owner}, scope ${i.scope} (${terminalSafe(i.models.join(', '))})`,
    );
    out(
      `  started ${clock(Date.parse(i.started_at))}, detected ${delay} s later, ${i.resolved_at === null ? 'still open' : `resolved ${clock(Date.parse(i.resolved_at))}`}; peak ${Math.round(i.peak_error_rate * 100)}% failing, ${i.affected_calls} calls affected`,
    );
    for (const e of i.evidence) out(`  · ${terminalSafe(e.text)}`);
    out(`\n  Public update (${i.resolved_at === null ? 'identified' : 'resolved'}):`);
    out(indent(deps.draft(i, i.resolved_at === null ? 'identified' : 'resolved', 'public')));
    out('\n  Internal:');
    out(indent(deps.draft(i, 'identified', 'internal')));
  }
  return 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${terminalSafe(l)}`)
    .join('\n');
}
