/**
 * `faultline demo`: the incident of incidents.md, live, through the real service. It starts a
 * server on a temporary SQLite store, in a thread of its own; the fake provider replays two
 * Claude Opus models overloaded for eleven minutes at 15× speed (30× through the quiet middle),
 * with an Anthropic status page that lists it 9 minutes late; the server polls that page and
 * probes the overloaded model, as it would the real ones; the real Anthropic and OpenAI SDKs
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
import {
  DEMO_PHASES_S,
  DEMO_SCENARIO,
  DEMO_STATUS_PAGE,
  DEMO_STRETCHES,
  DEMO_TAIL_S,
  DEMO_TIME_SCALE,
} from './demo-scenario.js';
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

const TOTAL_S = DEMO_PHASES_S.normal + DEMO_PHASES_S.overload + DEMO_PHASES_S.recovered;

/** Runs the demo; resolves with the exit status. */
export async function runDemo(options: DemoOptions, io: CliStreams): Promise<number> {
  const { interrupt } = options;
  const out = (line: string): void => void io.stdout.write(line + '\n');
  const note = (line: string): void =>
    void io.stderr.write(`faultline demo: ${terminalSafeLines(line)}\n`);
  const fault = (what: string, e: unknown): void =>
    note(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  // The clock first: the fake provider runs on it, its scenario and status page in record time.
  const clockOptions = {
    startWallMs: Date.now(),
    stretches: DEMO_STRETCHES,
    serverBehindMs: 1_000,
  };
  const clock = createDemoClock(clockOptions);
  const trafficEndMs = clock.wallAtS(TOTAL_S + DEMO_TAIL_S);
  out(
    `Faultline demo: ${TOTAL_S / 60} minutes of traffic replayed at ${DEMO_TIME_SCALE}× (${Math.max(...DEMO_STRETCHES.map((s) => s.scale))}× through the quiet middle; about ${Math.round((clock.fastUntilMs - clockOptions.startWallMs) / 1000 + 3)} s), through a Faultline server.`,
  );
  out(
    'The app calls claude-opus-4-7, claude-opus-4-8, claude-sonnet-4-6, gpt-5.1 and gpt-4.1-mini;',
  );
  out(
    "the server probes claude-opus-4-7 every 20 s and polls Anthropic's (fake) status page every 15 s.",
  );

  const provider = await startFakeProvider({
    scenario: DEMO_SCENARIO,
    now: () => clock.app(Date.now()),
    statusPages: [DEMO_STATUS_PAGE],
  });
  let providerOpen = true;
  let demo: DemoServer | undefined;
  let watch: VerdictWatch | undefined;
  try {
    demo = await startDemoServer({ clock: clockOptions, providerUrl: provider.url }, (line) =>
      note(`server: ${line}`),
    );
    out(`Server: ${demo.url}/ (a temporary SQLite store in ${demo.dir})`);
    out('Each verdict below arrives on its /v1/events stream; times are record time, UTC.\n');
    const api = new DemoApi(demo.url, demo.tokens.read);
    watch = await watchVerdicts({ api, token: demo.tokens.read, out, onError: fault });
    const { workers } = options;
    const app = await replayTraffic({
      provider,
      demo,
      clock,
      trafficEndMs,
      workers,
      interrupt,
      out,
      fault,
    });
    // A kept server goes on probing the fake and polling its page: the fake stays up until it stops.
    if (!options.keep) {
      providerOpen = false;
      await provider.close();
    }
    await watch.close();
    if (interrupt.aborted) {
      note(`interrupted; stopping the server${options.keep ? '' : ' and removing its store'}`);
      return 130;
    }
    await printSummary(api, app, out);
    if (options.keep) await keepServing(demo, provider.url, out, interrupt);
    return 0;
  } finally {
    await watch?.close();
    await demo?.close({ keepDir: options.keep });
    if (providerOpen) await provider.close();
  }
}
