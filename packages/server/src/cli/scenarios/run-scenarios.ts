/** The work of `faultline scenarios NAME`: writes one scenario's records as JSON Lines. */
import { generateScenario } from '@faultline/scenarios';
import { BufferedWriter } from '../../io/buffered-writer.js';
import type { CliStreams } from '../command/define-command.js';
import { stageFile, type StagedFile } from './staged-file.js';
import { checkTrafficBudget, type TrafficRequest } from './traffic-budget.js';

/** The scenario asked for, with the file for its ground truth if any. */
export interface ScenarioRequest extends TrafficRequest {
  readonly truth: string | undefined;
}

/**
 * Writes the records of scenario `r.name` to stdout (and its truth to `r.truth` once every record
 * is written); resolves with the exit status. A run past the traffic budget is a usage error.
 */
export async function writeScenario(r: ScenarioRequest, io: CliStreams): Promise<number> {
  const { seed, minutes, rate } = r;
  checkTrafficBudget(r);
  const g = generateScenario(r.name, {
    ...(seed === undefined ? {} : { seed }),
    ...(minutes === undefined ? {} : { durationMs: minutes * 60_000 }),
    ...(rate === undefined ? {} : { ratePerSec: rate }),
  });
  // The truth is staged first, so an unwritable path fails before any record is printed.
  const truth: StagedFile | undefined =
    r.truth === undefined
      ? undefined
      : await stageFile(r.truth, JSON.stringify(g.truth, null, 2) + '\n');
  try {
    const out = new BufferedWriter(io.stdout);
    for (const record of g.records) {
      out.write(JSON.stringify(record) + '\n');
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
