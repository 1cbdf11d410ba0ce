/** Turns judged lines into store rows and rejections, counting accepted records by source. */
import { classify, isStatusObservation, type RecordResult } from '@faultline/core';
import type { StoredRecord } from '../store/port.js';
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
  /** Accepted records per `source` (`""` when absent or for status observations). */
  readonly bySource = new Map<string, number>();

  constructor(private readonly maxReported: number) {}

  /** Adds one judged record; `text` is its JSON as ingested, when a line holds it alone. */
  add(result: RecordResult, text: string | undefined, line: number): void {
    if (!result.ok) {
      const first = result.problems[0];
      this.reject(line, first?.field ?? 'record', first?.reason ?? 'not a record');
      return;
    }
    const r = result.record;
    let row: PendingRow;
    if (isStatusObservation(r)) {
      const json = text ?? JSON.stringify(r);
      row = {
        tsMs: result.timeMs,
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
        tsMs: result.timeMs,
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
    this.rows.push(row);
    this.bySource.set(row.source, (this.bySource.get(row.source) ?? 0) + 1);
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
