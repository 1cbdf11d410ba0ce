/**
 * `faultline demo`: the incident of incidents.md, live, through the real service. It starts a
 * server on a temporary SQLite store, in a thread of its own; the fake provider replays two
 * Claude Opus models overloaded for five minutes at 15× speed; the real Anthropic and OpenAI SDKs
 * call it through instrumentFetch, whose records the SDK's HTTP batch sink posts to the server;
 * each change of verdict is printed as the server's `/v1/events` stream delivers it; the summary
 * is read back from the server's API and `/metrics`.
 */
import { startFakeProvider } from '@faultline/fake-provider';
import type { CliStreams } from '../cli/command/define-command.js';
import { terminalSafeLines } from '../cli/terminal-text.js';
import { DemoApi } from './demo-api.js';
import { createDemoClock } from './demo-clock.js';
import { replayTraffic } from './demo-replay.js';
import { DEMO_PHASES_S, DEMO_SCENARIO, DEMO_TIME_SCALE } from './demo-scenario.js';
import { startDemoServer, type DemoServer } from './demo-server.js';
import { printSummary } from './demo-summary.js';
import { keepServing } from './keep-serving.js';
import { watchVerdicts, type VerdictWatch } from './verdict-watch.js';

export interface DemoOptions {
  /** Concurrent callers per model. */
  readonly workers: number;
  /** Leave the server running after the demo, until `interrupt`; its directory stays. */
  readonly keep: boolean;
  /** Aborted on SIGINT or SIGTERM: the demo stops early (exit 130), or a kept server stops (0). */
  readonly interrupt: AbortSignal;
}

/** Scenario seconds of traffic after the phases, so the engine sees the recovery hold. */
const TAIL_S = 15;
/** Wall ms from the traffic's end to the end of the fast clock: the server judges every record. */
const SETTLE_MS = 2_000;

/** Runs the demo; resolves with the exit status. */
export async function runDemo(options: DemoOptions, io: CliStreams): Promise<number> {
  const { interrupt } = options;
  const out = (line: string): void => void io.stdout.write(line + '\n');
  const note = (line: string): void =>
    void io.stderr.write(`faultline demo: ${terminalSafeLines(line)}\n`);
  const fault = (what: string, e: unknown): void =>
    note(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  const totalS = DEMO_PHASES_S.normal + DEMO_PHASES_S.overload + DEMO_PHASES_S.recovered;
  const trafficMs = ((totalS + TAIL_S) * 1000) / DEMO_TIME_SCALE;
  out(
    `Faultline demo: ${totalS / 60} minutes of traffic replayed at ${DEMO_TIME_SCALE}× (about ${Math.round(trafficMs / 1000 + 5)} s), through a Faultline server.`,
  );
  out(
    'The app calls claude-opus-4-7, claude-opus-4-8, claude-sonnet-4-6, gpt-5.1 and gpt-4.1-mini.',
  );

  const provider = await startFakeProvider({ scenario: DEMO_SCENARIO });
  const wallStartMs = Date.now();
  const settledAtMs = wallStartMs + trafficMs + SETTLE_MS;
  const clockOptions = { fastUntilMs: settledAtMs, scale: DEMO_TIME_SCALE, serverBehindMs: 1_000 };
  const clock = createDemoClock(clockOptions);
  let providerOpen = true;
  let demo: DemoServer | undefined;
  let watch: VerdictWatch | undefined;
  try {
    demo = await startDemoServer(clockOptions, (line) => note(`server: ${line}`));
    out(`Server: ${demo.url}/ (a temporary SQLite store in ${demo.dir})`);
    out('Each verdict below arrives on its /v1/events stream; times are record time, UTC.\n');
    const api = new DemoApi(demo.url, demo.tokens.read);
    watch = await watchVerdicts({ api, token: demo.tokens.read, out, onError: fault });
    const { workers } = options;
    const app = await replayTraffic({
      provider,
      demo,
      clock,
      wallStartMs,
      trafficMs,
      settledAtMs,
      workers,
      interrupt,
      out,
      fault,
    });
    providerOpen = false;
    await provider.close();
    await watch.close();
    if (interrupt.aborted) {
      note(`interrupted; stopping the server${options.keep ? '' : ' and removing its store'}`);
      return 130;
    }
    await printSummary(api, app, out);
    if (options.keep) await keepServing(demo, out, interrupt);
    return 0;
  } finally {
    if (providerOpen) await provider.close();
    await watch?.close();
    await demo?.close({ keepDir: options.keep });
  }
}
