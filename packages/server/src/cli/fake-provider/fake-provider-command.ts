/** `faultline fake-provider`: the command's options, help and argument handling. */
import { UsageError } from '@faultline/core';
import { DEFAULT_MAX_BODY_BYTES, isLoopback } from '@faultline/fake-provider';
import { defineCommand } from '../command/define-command.js';
import { runFakeProvider } from './run-fake-provider.js';

/** Parses a whole number option, or throws a usage error naming the option. */
function wholeNumber(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new UsageError(`${name} must be a whole number from 0 to ${max}, not "${value}"`);
  }
  return n;
}

/** `faultline fake-provider`: serves the emulated APIs until stopped. */
export const fakeProviderCommand = defineCommand({
  name: 'fake-provider',
  summary: 'serve the emulated Anthropic, OpenAI and Gemini APIs with scripted faults',
  usage: '',
  positionals: { max: 0, tooMany: 'fake-provider takes no arguments, only options' },
  options: {
    scenario: { type: 'string', value: 'FILE', description: 'a scenario to play from the start' },
    port: {
      type: 'string',
      value: 'N',
      description: 'port to listen on; 0 picks a free one',
      default: '8787',
    },
    host: { type: 'string', value: 'ADDR', description: 'address to bind', default: '127.0.0.1' },
    seed: {
      type: 'string',
      value: 'N',
      description: 'seed for generated text and fault probabilities',
      default: '1',
    },
    'tokens-per-second': {
      type: 'string',
      value: 'N',
      description: 'streaming rate; 0 streams as fast as possible',
      default: '50',
    },
    'admin-token': {
      type: 'string',
      value: 'TOKEN',
      description:
        'require "Authorization: Bearer TOKEN" on the admin API; required with a --host beyond loopback',
      defaultHelp: '$FAULTLINE_ADMIN_TOKEN',
    },
    'max-body-bytes': {
      type: 'string',
      value: 'N',
      description: 'largest request body accepted',
      default: String(DEFAULT_MAX_BODY_BYTES),
      defaultHelp: `${DEFAULT_MAX_BODY_BYTES}, 10 MiB`,
    },
  },
  description: `
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
  GET    /_faultline/status-pages[/ID]          the fake status pages, with what each shows
  PUT|PATCH|DELETE /_faultline/status-pages/ID  replace, change (e.g. {"mode":"html"}), stop one
The fake status pages (/status/anthropic, /status/openai, /status/google, /status/bedrock-feed)
list a fault late, as real pages do (packages/fake-provider/README.md). POST, PUT and PATCH
bodies must be sent as application/json (a scenario may also be application/yaml).

The admin API can change every answer the fake gives, so it is guarded. On loopback (the default)
it answers only requests whose Host is loopback or the bound address and whose Origin, if any, is
the server itself: a web page you visit can neither call it cross-origin nor reach it through DNS
rebinding. Binding beyond loopback (--host 0.0.0.0, a LAN address) requires --admin-token (or
FAULTLINE_ADMIN_TOKEN); every admin call must then send "Authorization: Bearer TOKEN".
Request bodies past --max-body-bytes are answered 413 and the connection is closed.`,
  async run({ options: o }, io) {
    const port = wholeNumber('--port', o.port, 65535);
    const seed = wholeNumber('--seed', o.seed, Number.MAX_SAFE_INTEGER);
    const tokensPerSecond = wholeNumber('--tokens-per-second', o['tokens-per-second'], 100_000);
    const maxBodyBytes = wholeNumber('--max-body-bytes', o['max-body-bytes'], 2 ** 31 - 1);
    if (maxBodyBytes === 0) throw new UsageError('--max-body-bytes must be at least 1');
    const adminToken = o['admin-token'] ?? process.env['FAULTLINE_ADMIN_TOKEN'] ?? '';
    const settings = { port, host: o.host, seed, tokensPerSecond, maxBodyBytes, adminToken };
    if (settings.adminToken === '' && !isLoopback(o.host)) {
      throw new UsageError(
        `--host ${o.host} is beyond loopback, where anyone who can reach the port could drive the ` +
          'unauthenticated admin API; pass --admin-token TOKEN (or set FAULTLINE_ADMIN_TOKEN)',
      );
    }
    return runFakeProvider({ ...settings, scenarioFile: o.scenario }, io);
  },
});
