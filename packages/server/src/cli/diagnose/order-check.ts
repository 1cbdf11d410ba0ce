/** Decides whether `faultline diagnose` input was too far out of time order to give an answer. */

/** At most this share of the records may come late; more and the answer could be wrong. */
export const LATE_SHARE_LIMIT = 0.01;
/** A few late records never refuse a diagnosis, whatever the share. */
const LATE_COUNT_FLOOR = 3;

export interface OrderStats {
  readonly late: number;
  readonly rising: number;
  readonly falling: number;
}

/**
 * The message to stop with when too many records came late (over 1% and over 3), or
 * `undefined` when the records were in order enough to replay. `source` is the file, or `-`.
 */
export function orderRefusal(
  stats: OrderStats,
  records: number,
  slackMinutes: number,
  source: string,
): string | undefined {
  if (stats.late <= LATE_COUNT_FLOOR || stats.late <= records * LATE_SHARE_LIMIT) return undefined;
  const share = Math.round((100 * stats.late) / records);
  const how =
    stats.falling > stats.rising
      ? 'the input looks newest-first'
      : 'the input is out of time order';
  const file = source === '-' ? 'FILE' : shellQuote(source);
  return (
    `${stats.late} of ${records} records (${share}%) came more than ${slackMinutes} minutes after ` +
    `newer ones: ${how}. The engine replays records in time order, so no diagnosis is printed.\n` +
    'Sort the records by time first, e.g.:\n' +
    `  tac ${file} > sorted.jsonl                        # a newest-first file\n` +
    `  jq -cs 'sort_by(.ts)[]' ${file} > sorted.jsonl    # when every ts has the same form and zone\n`
  );
}

function shellQuote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
