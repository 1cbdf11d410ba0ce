/** The entry point: starts the emulator on loopback and hands back its controls. */
import type { AddressInfo } from 'node:net';
import type { FaultRule } from './faults/index.js';
import { isLoopback } from './admin/index.js';
import { DEFAULT_MAX_BODY_BYTES } from './http/index.js';
import { ProviderState } from './provider-state.js';
import type { Scenario } from './scenario/index.js';
import { createHttpServer } from './server/create-http-server.js';
import { FaultHistory, StatusPages, type StatusPageInput } from './status-pages/index.js';
import { ConfigError } from './validation/index.js';

/** Options for {@link startFakeProvider}. */
export interface FakeProviderOptions {
  /** Port to listen on; default 0 (an ephemeral port). */
  readonly port?: number;
  /**
   * Interface to bind; default `127.0.0.1`. Anything beyond loopback (`0.0.0.0`, a LAN address)
   * needs `adminToken`: the admin API can change every answer the fake gives.
   */
  readonly host?: string;
  /**
   * When set, every admin request must send `authorization: Bearer <adminToken>`. Without it the
   * admin API answers loopback callers only (Host and Origin checked).
   */
  readonly adminToken?: string;
  /** Request bodies past this many bytes are answered 413; default 10 MiB. */
  readonly maxBodyBytes?: number;
  /** A parsed scenario, started immediately. */
  readonly scenario?: Scenario;
  /** Initial admin fault rules. */
  readonly faults?: readonly FaultRule[];
  /** Seed for generated text and fault probability draws; default 1. */
  readonly seed?: number;
  /** Streaming rate; default 0 (as fast as possible, no timers). */
  readonly tokensPerSecond?: number;
  /** Clock in ms for scenario time; default `Date.now`. */
  readonly now?: () => number;
  /**
   * Changes to the default status pages (`anthropic`, `openai`, `google`, `bedrock-feed`) or new
   * pages, e.g. `[{ id: 'anthropic', lag: '2m' }]`. Validated; throws ConfigError.
   */
  readonly statusPages?: readonly StatusPageInput[];
  /**
   * Maps the fake's clock to the times written on status pages (default identity): a demo whose
   * server runs on a faster record clock passes it so page times line up with its records.
   */
  readonly statusPageClock?: (fakeMs: number) => number;
}

/** A running fake provider. */
export interface FakeProvider {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43817`. */
  readonly url: string;
  readonly port: number;
  /** Adds admin rules (validated; throws ConfigError listing every problem); returns ids. */
  addFaults(rules: FaultRule | readonly FaultRule[]): string[];
  /** The admin rules, each with its id. */
  listFaults(): FaultRule[];
  removeFault(id: string): boolean;
  clearFaults(): void;
  /** Starts `scenario` now, replacing any running one. */
  loadScenario(scenario: Scenario): void;
  /** Stops the running scenario; false if none was running. */
  stopScenario(): boolean;
  /** The fake status pages under `/status/{id}/` (list, put, patch, remove, view). */
  readonly statusPages: StatusPages;
  /** Requests received by the emulated APIs (admin calls excluded). */
  readonly requestCount: number;
  /** Closes the server and destroys open sockets, stalled ones included. */
  close(): Promise<void>;
}

/**
 * Starts the emulator. Point SDKs at it with `baseURL: url` (Anthropic), `baseURL: url + '/v1'`
 * (OpenAI) or `httpOptions: { baseUrl: url }` (Gemini).
 * @example
 * const provider = await startFakeProvider({ faults: [{ fault: { kind: 'overload' } }] });
 * const client = new Anthropic({ apiKey: 'test', baseURL: provider.url, maxRetries: 0 });
 * await provider.close();
 */
export async function startFakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const host = options.host ?? '127.0.0.1';
  const adminToken = options.adminToken === '' ? undefined : options.adminToken;
  checkExposure(host, adminToken, options.maxBodyBytes);
  const now = options.now ?? Date.now;
  const history = new FaultHistory(now());
  const statusPages = new StatusPages({
    now,
    history,
    ...(options.statusPages !== undefined && { pages: options.statusPages }),
    ...(options.statusPageClock !== undefined && { toPageMs: options.statusPageClock }),
  });
  const state = new ProviderState({
    seed: options.seed ?? 1,
    tokensPerSecond: options.tokensPerSecond ?? 0,
    now,
    onRulesChange: (snapshot) => history.record(snapshot),
  });
  if (options.faults !== undefined) state.addFaults(options.faults);
  if (options.scenario !== undefined) state.loadScenario(options.scenario);

  const server = createHttpServer({
    runtime: state,
    admin: state,
    adminPolicy: { token: adminToken, boundHost: host },
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    statusPages,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    addFaults: (rules) => state.addFaults(rules),
    listFaults: () => state.listFaults(),
    removeFault: (id) => state.removeFault(id),
    clearFaults: () => void state.clearFaults(),
    loadScenario: (scenario) => state.loadScenario(scenario),
    stopScenario: () => state.stopScenario(),
    statusPages,
    get requestCount() {
      return state.requestCount;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e === undefined ? resolve() : reject(e)));
        server.closeAllConnections();
      }),
  };
}

/** Refuses an unauthenticated admin API beyond loopback, and a body limit that is no number. */
function checkExposure(
  host: string,
  adminToken: string | undefined,
  maxBodyBytes: number | undefined,
): void {
  const problems: string[] = [];
  if (!isLoopback(host) && adminToken === undefined) {
    problems.push(
      `host: "${host}" is beyond loopback, where anyone who can reach the port could change the fake's answers; set adminToken`,
    );
  }
  if (maxBodyBytes !== undefined && !(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    problems.push(`maxBodyBytes: must be a positive integer, not ${maxBodyBytes}`);
  }
  if (problems.length > 0) throw new ConfigError('unsafe fake provider options', problems);
}
