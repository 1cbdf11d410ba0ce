/**
 * `GET /v1/history` (an addition to server-api.md, documented in docs/serve.md): calls, failures
 * per layer and latency quantiles over up to 90 days, from the per-minute rollups.
 */
import { historySeries, HISTORY_STEPS, stepFor, type HistoryStep } from '../rollups/history.js';
import type { Store } from '../store/port.js';
import { jsonResult, QueryProblem, queryProblemResult, type ApiResult } from './api-result.js';
import { choiceParam, stringParam, timeParam } from './query-params.js';

const DAY_MS = 86_400_000;
/** At most this many points per answer. */
const MAX_POINTS = 2_000;

/** The history series for the query's range (default: the last 24 hours) and scope. */
export async function readHistory(
  store: Store,
  params: URLSearchParams,
  nowMs: number,
): Promise<ApiResult> {
  try {
    const toMs = timeParam(params, 'to') ?? nowMs;
    const fromMs = timeParam(params, 'from') ?? toMs - DAY_MS;
    if (fromMs >= toMs) throw new QueryProblem('from: must be before to');
    if (toMs - fromMs > 91 * DAY_MS) throw new QueryProblem('from: at most 90 days before to');
    const steps = Object.keys(HISTORY_STEPS) as HistoryStep[];
    const step = choiceParam(params, 'step', steps) ?? stepFor(toMs - fromMs);
    if ((toMs - fromMs) / HISTORY_STEPS[step] > MAX_POINTS) {
      throw new QueryProblem(
        `step: ${step} gives more than ${MAX_POINTS} points; use a larger step`,
      );
    }
    const provider = stringParam(params, 'provider');
    const model = stringParam(params, 'model');
    // From the start of the step `from` falls in: the first point, labelled with that start,
    // holds its whole step rather than showing the minutes before `from` as no calls.
    const stepMs = HISTORY_STEPS[step];
    const startMs = Math.floor(fromMs / stepMs) * stepMs;
    const rows = await store.queryRollups({ fromMs: startMs, toMs, provider, model });
    return jsonResult(200, {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      step,
      provider: provider ?? null,
      model: model ?? null,
      series: historySeries(rows, fromMs, toMs, step),
    });
  } catch (e: unknown) {
    const problem = queryProblemResult(e);
    if (problem !== undefined) return problem;
    throw e;
  }
}
