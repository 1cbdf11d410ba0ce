/** `faultline demo`: the command's options and help; the demo's code and its SDKs load only when it runs. */
import { defineCommand } from '../command/define-command.js';

/** `faultline demo`: watch Faultline name a provider overload live. */
export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'watch Faultline name a provider overload live (about a minute)',
  usage: '',
  positionals: { max: 0, tooMany: 'demo takes no arguments, only options' },
  options: {
    workers: {
      type: 'string',
      value: 'N',
      description: 'concurrent callers per model, from 1 to 16',
      default: '2',
    },
    keep: {
      type: 'boolean',
      description:
        'leave the server running after the demo, print its URL and tokens, and keep its store; Ctrl-C stops it',
    },
  },
  description: `
Replays the incident Faultline exists for (an Anthropic API overload of claude-opus-4-7 and
claude-opus-4-8, 18 minutes of traffic at 15× speed, 30× through the quiet middle, about a
minute) through the real service. It starts a Faultline server on 127.0.0.1 (a free port, a
SQLite store in a temporary directory, removed at the end unless --keep) and the built-in fake
provider; the real Anthropic and OpenAI SDKs call the fake through instrumentFetch, and the SDK's
HTTP batch sink posts their call records to the server. The server watches the fake as it would
Anthropic: it probes claude-opus-4-7 every 20 s and polls the fake Anthropic status page
(Statuspage v2) every 15 s of record time; the page lists the overload 9 minutes after it starts, as real
pages move late, and the incident's evidence and final update name that lag. Each change of
verdict is printed as the server's /v1/events stream delivers it, with the public update the
server drafted; then a summary read back from the server (/v1/incidents, /metrics).

Times shown are record time (UTC): the 18 replayed minutes end when the demo does, so record time
runs faster than the clock until then.`,
  notes:
    'Exit status: 0 when the demo ran (with --keep: once Ctrl-C stopped the server), 130 when\ninterrupted during the demo.',
  async run({ options }, io) {
    const [{ runDemo }, { listenForInterrupt }] = await Promise.all([
      import('../../demo/run-demo.js'),
      import('./interrupt-signal.js'),
    ]);
    // Out of range or not a number: the nearest sensible value, as the demo always did.
    const workers = Math.max(1, Math.min(16, Number(options.workers) || 2));
    const interrupt = listenForInterrupt([io.stdout, io.stderr]);
    try {
      return await runDemo({ workers, keep: options.keep, interrupt: interrupt.signal }, io);
    } finally {
      interrupt.dispose();
    }
  },
});
