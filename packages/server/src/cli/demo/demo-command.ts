/** `faultline demo`: the command's options and help; the demo's code and its SDKs load only when it runs. */
import { draftUpdate } from '@faultline/core';
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
  },
  description: `
Replays the incident Faultline exists for (a brief Anthropic API overload of claude-opus-4-7 and
claude-opus-4-8, 12 minutes of traffic at 15× speed, about a minute) against the built-in fake
provider, with the real Anthropic and OpenAI SDKs calling through instrumentFetch. Prints each
change of verdict as it happens, then the drafted updates and a summary. Exits 0.

Times shown are scenario time (UTC), which runs 15× faster than the clock.`,
  async run({ options }, io) {
    const { runDemo } = await import('../../demo/run-demo.js');
    // Out of range or not a number: the nearest sensible value, as the demo always did.
    const workers = Math.max(1, Math.min(16, Number(options.workers) || 2));
    return runDemo({ workers }, io, {
      draft: (i, stage, voice) => draftUpdate(i, { stage, voice }),
    });
  },
});
