/** An in-memory sink for tests and embedding: keeps records in an array. */
import type { CallRecord } from '@faultline/core';
import type { RecordSink } from './sink.js';

export interface MemorySink extends RecordSink {
  readonly records: readonly CallRecord[];
  clear(): void;
}

/**
 * Keeps every record written, up to `maxRecords` (oldest dropped first).
 *
 * @example
 * const sink = createMemorySink();
 * const fetch = instrumentFetch({ provider: 'openai', sink });
 */
export function createMemorySink(options: { maxRecords?: number } = {}): MemorySink {
  const max = options.maxRecords ?? 100_000;
  let records: CallRecord[] = [];
  return {
    get records() {
      return records;
    },
    write(record) {
      records.push(record);
      if (records.length > max) records.shift();
    },
    clear() {
      records = [];
    },
  };
}
