/** `faultline scenarios`: the command's options, help and argument handling. */
import { UsageError } from '@faultline/core';
import { SCENARIOS } from '@faultline/scenarios';
import { defineCommand } from '../command/define-command.js';
import { writeScenario } from './run-scenarios.js';
import { MAX_CALLS, MAX_RATE_PER_SEC } from './traffic-budget.js';

/** A positive number given for `option`, or undefined when it was not given. */
function positiveNumber(option: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${option} must be a positive number, not "${v}"`);
  return n;
}

/** `faultline scenarios [NAME]`: lists the scenario library, or writes one scenario's records. */
export const scenariosCommand = defineCommand({
  name: 'scenarios',
  summary: 'list the scenario library, or write a scenario as JSON Lines',
  usage: '[NAME]',
  positionals: { max: 1, tooMany: 'scenarios takes one NAME' },
  options: {
    seed: {
      type: 'string',
      value: 'N',
      description: 'seed; the same seed gives the same records',
      defaultHelp: '1',
    },
    minutes: {
      type: 'string',
      value: 'N',
      description: 'length of the traffic',
      defaultHelp: "the scenario's own",
    },
    rate: {
      type: 'string',
      value: 'N',
      description: `mean calls per second over the day, at most ${MAX_RATE_PER_SEC}`,
      defaultHelp: '7',
    },
    truth: {
      type: 'string',
      value: 'FILE',
      description:
        'also write the ground truth (the incidents that belong) as JSON to FILE; it appears only once every record is written',
    },
  },
  description: `
Without NAME, lists the scenario library: realistic call-record streams (diurnal traffic, several
apps, providers and models, SDK retries, background noise) with a known fault and its ground
truth. With NAME, writes that scenario's records to standard output as JSON Lines, ready for
"faultline diagnose" or "faultline classify".`,
  notes: `
The records of one run are built in memory, so a run may ask for at most
${MAX_CALLS.toLocaleString('en-US')} calls (mean rate × seconds); larger --rate × --minutes is refused.
Records are written as they are serialized, waiting whenever the reader falls behind.`,
  async run({ options, positionals }, io) {
    const name = positionals[0];
    if (name === undefined) {
      const width = Math.max(...SCENARIOS.map((s) => s.name.length));
      io.stdout.write(SCENARIOS.map((s) => `${s.name.padEnd(width)}  ${s.description}\n`).join(''));
      return 0;
    }
    const seed = positiveNumber('--seed', options.seed);
    const minutes = positiveNumber('--minutes', options.minutes);
    const rate = positiveNumber('--rate', options.rate);
    if (!SCENARIOS.some((s) => s.name === name)) {
      throw new UsageError(
        `no scenario "${name}"; known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
      );
    }
    return writeScenario({ name, seed, minutes, rate, truth: options.truth }, io);
  },
});
