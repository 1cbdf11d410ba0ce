/** `faultline scenarios`: lists the scenario library, or writes one scenario's records as JSON Lines. */
import { parseArgs } from 'node:util';
import { SCENARIOS, generateScenario } from '@faultline/scenarios';
import { BufferedWriter } from '../../io/buffered-writer.js';
import type { CliStreams } from '../classify/run-classify.js';
import { UsageError } from '../usage-error.js';
import { stageFile, type StagedFile } from './staged-file.js';
import { MAX_CALLS, MAX_RATE_PER_SEC, checkTrafficBudget } from './traffic-budget.js';

export const SCENARIOS_HELP = `Usage: faultline scenarios [NAME] [--seed N] [--minutes N] [--rate N] [--truth FILE]

Without NAME, lists the scenario library: realistic call-record streams (diurnal traffic, several
apps, providers and models, SDK retries, background noise) with a known fault and its ground
truth. With NAME, writes that scenario's records to standard output as JSON Lines, ready for
"faultline diagnose" or "faultline classify".

Options:
  --seed N       seed (default 1); the same seed gives the same records
  --minutes N    length of the traffic (default: the scenario's own)
  --rate N       mean calls per second over the day (default 7; at most ${MAX_RATE_PER_SEC})
  --truth FILE   also write the ground truth (the incidents that belong) as JSON to FILE; it
                 appears only once every record is written
  -h, --help     show this help

The records of one run are built in memory, so a run may ask for at most
${MAX_CALLS.toLocaleString('en-US')} calls (mean rate × seconds); larger --rate × --minutes is refused.
Records are written as they are serialized, waiting whenever the reader falls behind.
`;

/** Runs the command; resolves with the exit status. */
export async function runScenarios(args: readonly string[], io: CliStreams): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      minutes: { type: 'string' },
      rate: { type: 'string' },
      truth: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(SCENARIOS_HELP);
    return 0;
  }
  const name = positionals[0];
  if (name === undefined) {
    const width = Math.max(...SCENARIOS.map((s) => s.name.length));
    io.stdout.write(SCENARIOS.map((s) => `${s.name.padEnd(width)}  ${s.description}\n`).join(''));
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('scenarios takes one NAME');
  const number = (option: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0)
      throw new UsageError(`${option} must be a positive number, not "${v}"`);
    return n;
  };
  const seed = number('--seed', values.seed);
  const minutes = number('--minutes', values.minutes);
  const rate = number('--rate', values.rate);
  if (!SCENARIOS.some((s) => s.name === name)) {
    throw new UsageError(
      `no scenario "${name}"; known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
  }
  checkTrafficBudget({ name, seed, minutes, rate });
  const g = generateScenario(name, {
    ...(seed === undefined ? {} : { seed }),
    ...(minutes === undefined ? {} : { durationMs: minutes * 60_000 }),
    ...(rate === undefined ? {} : { ratePerSec: rate }),
  });
  // The truth is staged first, so an unwritable path fails before any record is printed.
  const truth: StagedFile | undefined =
    values.truth === undefined
      ? undefined
      : await stageFile(values.truth, JSON.stringify(g.truth, null, 2) + '\n');
  try {
    const out = new BufferedWriter(io.stdout);
    for (const r of g.records) {
      out.write(JSON.stringify(r) + '\n');
      await out.flushIfFull();
    }
    await out.flush();
  } catch (e: unknown) {
    await truth?.discard();
    throw e;
  }
  await truth?.commit();
  return 0;
}
