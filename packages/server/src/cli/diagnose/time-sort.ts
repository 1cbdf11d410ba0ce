/** Holds record lines with their times, within a memory cap, and gives them back sorted by time. */

/** A guess at what one held line costs besides its text: array slots, string header, sort index. */
const ENTRY_OVERHEAD_BYTES = 64;

/** One held record: its line of text, its time, and its line number in the input. */
export interface TimedLine {
  readonly line: string;
  readonly timeMs: number;
  readonly lineNumber: number;
}

/**
 * Record lines to sort by time, held as text (parsed again when replayed: far smaller than the
 * parsed objects). `add` refuses once the lines would take over `maxBytes`, counted as UTF-16
 * code units plus a per-line overhead, and the buffer then lets go of what it held.
 *
 * @example
 * const sort = new TimeSort(512 << 20);
 * if (!sort.add(line, timeMs, n)) refuse();
 * for (const { line, timeMs } of sort.sorted()) replay(line, timeMs);
 */
export class TimeSort {
  #lines: string[] = [];
  #times: number[] = [];
  #lineNumbers: number[] = [];
  #bytes = 0;
  #full = false;

  constructor(private readonly maxBytes: number) {}

  /** How many lines are held. */
  get size(): number {
    return this.#lines.length;
  }

  /** True once a line did not fit: nothing is held any more and `add` refuses every line. */
  get full(): boolean {
    return this.#full;
  }

  /** Holds one line; false (and everything let go) when it would go over the cap. */
  add(line: string, timeMs: number, lineNumber: number): boolean {
    if (this.#full) return false;
    this.#bytes += line.length + ENTRY_OVERHEAD_BYTES;
    if (this.#bytes > this.maxBytes) {
      this.#full = true;
      this.#lines = [];
      this.#times = [];
      this.#lineNumbers = [];
      return false;
    }
    this.#lines.push(line);
    this.#times.push(timeMs);
    this.#lineNumbers.push(lineNumber);
    return true;
  }

  /**
   * The held lines by time, ties in input order (by line number, whatever order they were
   * added in), so the replay is exactly that of the records sorted stably by time.
   */
  *sorted(): Generator<TimedLine> {
    const times = this.#times;
    const numbers = this.#lineNumbers;
    const index = Array.from(times, (_, i) => i);
    index.sort((a, b) => times[a]! - times[b]! || numbers[a]! - numbers[b]!);
    for (const i of index) {
      yield { line: this.#lines[i]!, timeMs: times[i]!, lineNumber: numbers[i]! };
    }
  }
}
