/** `faultline fake-provider`: serves the emulated Anthropic, OpenAI and Gemini APIs until stopped. */
import { parseArgs } from 'node:util';
import {
  DEFAULT_MAX_BODY_BYTES,
  isLoopback,
  loadScenario,
  startFakeProvider,
  type Scenario,
} from '@faultline/fake-provider';
import type { CliStreams } from '../classify/run-classify.js';
import { UsageError } from '../usage-error.js';

export const FAKE_PROVIDER_HELP = `Usage: faultline fake-provider [--scenario FILE] [--port N] [--host ADDR] [--seed N]
                               [--tokens-per-second N] [--admin-token TOKEN] [--max-body-bytes N]

Serves an emulator of the Anthropic Messages, OpenAI Chat Completions and Gemini generateContent
APIs (JSON and SSE, real headers and error bodies) with scripted faults, for tests, demos and
rehearsing failures. Runs until interrupted (Ctrl-C).

Point the official SDKs at it:
  Anthropic   new Anthropic({ baseURL: URL })
  OpenAI      new OpenAI({ baseURL: URL + '/v1' })
  Gemini      new GoogleGenAI({ httpOptions: { baseUrl: URL } })

Faults come from a scenario file (YAML or JSON: a timeline of phases, each with fault rules, and
a time scale so a 20-minute incident replays in 20 seconds) and from the admin API on the same
port:
  GET    /_faultline/faults         list live rules
  POST   /_faultline/faults         add a rule or an array of rules
  DELETE /_faultline/faults[/ID]    clear all, or one
  GET|PUT|DELETE /_faultline/scenario
POST and PUT bodies must be sent as application/json (a scenario may also be application/yaml).

The admin API can change every answer the fake gives, so it is guarded. On loopback (the default)
it answers only requests whose Host is loopback or the bound address and whose Origin, if any, is
the server itself: a web page you visit can neither call it cross-origin nor reach it through DNS
rebinding. Binding beyond loopback (--host 0.0.0.0, a LAN address) requires --admin-token (or
FAULTLINE_ADMIN_TOKEN); every admin call must then send "Authorization: Bearer TOKEN".
Request bodies past --max-body-bytes are answered 413 and the connection is closed.

Options:
  --scenario FILE           a scenario to play from the start
  --port N                  port to listen on (default 8787; 0 picks a free one)
  --host ADDR               address to bind (default 127.0.0.1)
  --seed N                  seed for generated text and fault probabilities (default 1)
  --tokens-per-second N     streaming rate (default 50; 0 streams as fast as possible)
  --admin-token TOKEN       require "Authorization: Bearer TOKEN" on the admin API (default:
                            $FAULTLINE_ADMIN_TOKEN); required with a --host beyond loopback
  --max-body-bytes N        largest request body accepted (default 10485760, 10 MiB)
  -h, --help                show this help
`;

/** Starts the server and resolves with the exit status once it is stopped by a signal. */
export async function runFakeProvider(args: readonly string[], io: CliStreams): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      scenario: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      'tokens-per-second': { type: 'string', default: '50' },
      'admin-token': { type: 'string' },
      'max-body-bytes': { type: 'string', default: String(DEFAULT_MAX_BODY_BYTES) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(FAKE_PROVIDER_HELP);
    return 0;
  }
  const port = wholeNumber('--port', values.port, 65535);
  const seed = wholeNumber('--seed', values.seed, Number.MAX_SAFE_INTEGER);
  const tokensPerSecond = wholeNumber('--tokens-per-second', values['tokens-per-second'], 100_000);
  const maxBodyBytes = wholeNumber('--max-body-bytes', values['max-body-bytes'], 2 ** 31 - 1);
  if (maxBodyBytes === 0) throw new UsageError('--max-body-bytes must be at least 1');
  const adminToken = values['admin-token'] ?? process.env['FAULTLINE_ADMIN_TOKEN'] ?? '';
  if (adminToken === '' && !isLoopback(values.host)) {
    throw new UsageError(
      `--host ${values.host} is beyond loopback, where anyone who can reach the port could drive the ` +
        'unauthenticated admin API; pass --admin-token TOKEN (or set FAULTLINE_ADMIN_TOKEN)',
    );
  }
  let scenario: Scenario | undefined;
  if (values.scenario !== undefined) scenario = await loadScenario(values.scenario);
  const provider = await startFakeProvider({
    port,
    host: values.host,
    seed,
    tokensPerSecond,
    maxBodyBytes,
    ...(adminToken === '' ? {} : { adminToken }),
    ...(scenario === undefined ? {} : { scenario }),
  });
  io.stdout.write(
    `fake provider listening on ${provider.url}\n` +
      `  Anthropic baseURL ${provider.url}   OpenAI baseURL ${provider.url}/v1   Gemini baseUrl ${provider.url}\n` +
      `  admin: ${provider.url}/_faultline/faults` +
      (adminToken === '' ? '' : ' (Authorization: Bearer <admin token>)') +
      (scenario === undefined ? '' : `   scenario: ${scenario.name ?? values.scenario}`) +
      '\n',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await provider.close();
  io.stdout.write(`stopped after ${provider.requestCount} requests\n`);
  return 0;
}

/** Parses a whole number option, or throws a usage error naming the option. */
function wholeNumber(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new UsageError(`${name} must be a whole number from 0 to ${max}, not "${value}"`);
  }
  return n;
}
