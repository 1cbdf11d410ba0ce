/** Turns judged lines into store rows and rejections, counting accepted records by source. */
import { classify, isStatusObservation, type RecordResult } from '@faultline/core';

type RecordOf = Extract<RecordResult, { ok: true }>['record'];
import type { StoredRecord } from '../store/port.js';
import { scrubRecord } from './scrub-record.js';
import { withClassification } from './with-classification.js';

/** One bad line of the ingest answer (server-api.md): 1-based line or array index. */
export interface Rejection {
  readonly line: number;
  readonly field: string;
  readonly reason: string;
}

/** A row whose `seq` is filled in once its batch commits. */
type PendingRow = { -readonly [K in keyof StoredRecord]: StoredRecord[K] };

/**
 * Collects one batch. Rejections beyond `maxReported` are counted, not listed, so a body of bad
 * lines cannot make an answer (or the memory behind it) larger than a bound.
 */
export class RowCollector {
  readonly rows: PendingRow[] = [];
  readonly rejected: Rejection[] = [];
  rejectedTotal = 0;
  /** Accepted records that had text fields dropped or credential shapes masked (scrub-record.ts). */
  scrubbed = 0;
  /** Accepted records per `source` (`""` when absent or for status observations). */
  readonly bySource = new Map<string, number>();

  /** How far ahead of the server clock a record's `ts` may be (clock skew, queued spans). */
  static readonly MAX_AHEAD_MS = 5 * 60_000;

  /**
   * @param latestMs records timed after this are refused: a clock far ahead would hold them in
   * the live engine until their time comes (default: no limit).
   */
  constructor(
    private readonly maxReported: number,
    private readonly latestMs = Infinity,
  ) {}

  /** Adds one judged record; `text` is its JSON as ingested, when a line holds it alone. */
  add(result: RecordResult, text: string | undefined, line: number): void {
    if (!result.ok) {
      const first = result.problems[0];
      this.reject(line, first?.field ?? 'record', first?.reason ?? 'not a record');
      return;
    }
    if (result.timeMs > this.latestMs) {
      this.reject(
        line,
        'ts',
        'more than 5 minutes ahead of the server clock (check the sender clock)',
      );
      return;
    }
    let row: PendingRow;
    try {
      const safe = scrubRecord(result.record, text);
      if (safe !== undefined) this.scrubbed++;
      row =
        safe === undefined
          ? this.#rowOf(result.record, result.timeMs, text)
          : this.#rowOf(safe.record as RecordOf, result.timeMs, undefined);
    } catch (e: unknown) {
      // A record nested too deeply to serialise again (V8 recurses): refused on its own.
      if (!(e instanceof RangeError)) throw e;
      this.reject(line, 'record', 'nested too deeply to store');
      return;
    }
    this.rows.push(row);
    this.bySource.set(row.source, (this.bySource.get(row.source) ?? 0) + 1);
  }

  #rowOf(r: RecordOf, timeMs: number, text: string | undefined): PendingRow {
    let row: PendingRow;
    if (isStatusObservation(r)) {
      const json = text ?? JSON.stringify(r);
      row = {
        tsMs: timeMs,
        kind: 'status',
        provider: r.provider,
        model: '',
        source: '',
        layer: '',
        json,
        seq: 0,
      };
    } else {
      const c = classify(r);
      const json =
        text === undefined
          ? JSON.stringify({ ...r, classification: c })
          : withClassification(text, r, c);
      const source = typeof r.source === 'string' ? r.source : '';
      row = {
        tsMs: timeMs,
        kind: 'call',
        provider: r.provider,
        model: r.model,
        source,
        layer: c.layer,
        reason: c.reason,
        json,
        seq: 0,
      };
    }
    return row;
  }

  /** Records a bad line. */
  reject(line: number, field: string, reason: string): void {
    this.rejectedTotal++;
    if (this.rejected.length < this.maxReported) this.rejected.push({ line, field, reason });
  }

  /** Gives the rows their sequences, `firstSeq` onwards, once committed. */
  commit(firstSeq: number): readonly StoredRecord[] {
    for (let i = 0; i < this.rows.length; i++) (this.rows[i] as PendingRow).seq = firstSeq + i;
    return this.rows;
  }
}
