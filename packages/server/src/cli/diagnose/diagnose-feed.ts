/** The first read of `faultline diagnose` input: replays records in order, or gathers them to sort. */
import { ReorderBuffer, type Engine, type FaultlineRecord } from '@faultline/core';
import { TimeDirection } from './order-check.js';
import { TimeSort } from './time-sort.js';

/** Records up to this much out of order are put back in order before the engine sees them. */
export const REORDER_SLACK_MS = 300_000;

/**
 * Feeds each good record to the engine through a reorder window. The first record later than
 * the window allows (`lateLine`) ends that: the engine's answer would be wrong, so from then on
 * every record is held in a `TimeSort` for a full sort instead. Input that can be read only once
 * (standard input, a pipe) is held from line 1 on, in case; a file is held from the late record
 * on, and the caller reads the lines before it again.
 */
export class DiagnoseFeed {
  records = 0;
  from = Infinity;
  to = -Infinity;
  readonly direction = new TimeDirection();
  /** The line of the first record later than the reorder window allows; 0 while none was. */
  lateLine = 0;
  /** How many good records came before that line (what reading a file again must find). */
  recordsBeforeLate = 0;
  /** The records held to sort; undefined for a file that has been in order so far. */
  sort: TimeSort | undefined;
  readonly #order: ReorderBuffer<FaultlineRecord>;

  constructor(
    readonly engine: Engine,
    private readonly maxSortBytes: number,
    holdFromStart: boolean,
  ) {
    this.#order = new ReorderBuffer(REORDER_SLACK_MS, (r, t) => engine.ingest(r, t));
    if (holdFromStart) this.sort = new TimeSort(maxSortBytes);
  }

  /** Takes one good record, with its line's text and number. */
  record(record: FaultlineRecord, timeMs: number, line: string, lineNumber: number): void {
    this.records++;
    if (timeMs < this.from) this.from = timeMs;
    if (timeMs > this.to) this.to = timeMs;
    this.direction.note(timeMs);
    if (this.lateLine === 0) {
      if (this.#order.push(record, timeMs)) {
        this.sort?.add(line, timeMs, lineNumber);
        return;
      }
      this.lateLine = lineNumber;
      this.recordsBeforeLate = this.records - 1;
      this.sort ??= new TimeSort(this.maxSortBytes);
    }
    this.sort?.add(line, timeMs, lineNumber);
  }

  /** After the input ended in order: releases the records still held by the reorder window. */
  drain(): void {
    this.#order.drain();
  }
}
