/** How `faultline diagnose` input runs in time, and the refusal when it is too large to sort. */

/** Counts consecutive records in rising and in falling time order: how the input runs. */
export class TimeDirection {
  rising = 0;
  falling = 0;
  #previous = Number.NaN;

  /** Takes the next record's time. */
  note(timeMs: number): void {
    if (timeMs > this.#previous) this.rising++;
    else if (timeMs < this.#previous) this.falling++;
    this.#previous = timeMs;
  }
}

/** What the refusal says: where order broke, how the input runs, and why it was not sorted. */
export interface SortRefusalFacts {
  /** The line of the first record older than the reorder window allows. */
  readonly lateLine: number;
  readonly slackMinutes: number;
  readonly direction: TimeDirection;
  /** The file, or `-` for standard input. */
  readonly source: string;
  /** True when the input could not be held whole from its start (a pipe, standard input). */
  readonly readOnce: boolean;
  readonly maxSortBytes: number;
}

/** The message (lines, no final newline) to stop with when out-of-order input is too large to sort. */
export function sortRefusal(facts: SortRefusalFacts): string {
  const { direction: d } = facts;
  const how =
    d.falling > d.rising ? 'the input looks newest-first' : 'the input is out of time order';
  const file = facts.source === '-' ? 'FILE' : shellQuote(facts.source);
  const why = facts.readOnce
    ? `the input can be read only once (standard input, a pipe) and holds over --max-sort-bytes (${facts.maxSortBytes} bytes) of records, too much to keep for sorting`
    : `sorting it would hold over --max-sort-bytes (${facts.maxSortBytes} bytes) of records in memory`;
  const what = facts.readOnce
    ? 'Give the file by name (a file is read again to sort it), raise --max-sort-bytes, or sort'
    : 'Raise --max-sort-bytes, or sort';
  return (
    `line ${facts.lateLine} is more than ${facts.slackMinutes} minutes older than a record before it: ` +
    `${how}. The engine replays records in time order, but ${why}, so no diagnosis is printed.\n` +
    `${what} the records by time first, e.g.:\n` +
    `  tac ${file} > sorted.jsonl                        # a newest-first file\n` +
    `  jq -cs 'sort_by(.ts)[]' ${file} > sorted.jsonl    # when every ts has the same form and zone`
  );
}

function shellQuote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
