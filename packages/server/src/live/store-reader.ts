/** Takes records in `seq` order: committed ones as ingest hands them over, the store read where they miss. */
import type { Store, StoredRecord } from '../store/port.js';

export interface StoreReaderOptions {
  readonly store: Store;
  readonly pageSize: number;
  /** The last record already taken (from the snapshot). */
  readonly lastSeq: number;
  /** Takes one record, once, in `seq` order. */
  readonly take: (record: StoredRecord) => void;
}

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * Every record is taken exactly once, in `seq` order. Ingest hands records over after each
 * commit; a jump in `seq` (commits handed over out of order, or a sequence gap a rolled-back
 * PostgreSQL transaction left) is filled by reading the store from the last record taken. Until
 * `live`, records handed over wait: the catch-up after a start reads them from the store.
 */
export class StoreReader {
  lastSeq: number;
  /** False while catching up: handed-over records wait in `incoming`. */
  live = false;
  #incoming: StoredRecord[] = [];
  #pull: Promise<void> | undefined;
  /** A read failed: records wait until a retry (`retryIfStuck`) reads them. */
  #stuck = false;

  constructor(private readonly opts: StoreReaderOptions) {
    this.lastSeq = opts.lastSeq;
  }

  /** True while records may be missing: the store is being read, or a read failed. */
  get pulling(): boolean {
    return this.#pull !== undefined || this.#stuck;
  }

  /** Reads the store from `lastSeq` to its end, calling `afterPage` with the count so far. */
  async readAll(afterPage: (records: number) => void): Promise<void> {
    let records = 0;
    for (;;) {
      const page = await this.opts.store.recordsAfter(this.lastSeq, this.opts.pageSize);
      for (const r of page) if (r.seq > this.lastSeq) this.#takeOne(r);
      records += page.length;
      afterPage(records);
      if (page.length < this.opts.pageSize) return;
      await nextTurn(); // let requests be served between pages
    }
  }

  /** Takes records just committed, in `seq` order. */
  accept(records: readonly StoredRecord[], onError: (e: unknown) => void): void {
    if (!this.live || this.pulling) {
      for (const r of records) this.#incoming.push(r);
      return;
    }
    this.#takeAll(records, true, onError);
  }

  /** Takes what waited during the catch-up (a gap still starts a read). */
  drainIncoming(onError: (e: unknown) => void): void {
    const rest = this.#incoming;
    this.#incoming = [];
    this.#takeAll(rest, true, onError);
  }

  /** Starts the read again after a failed one. */
  retryIfStuck(onError: (e: unknown) => void): void {
    if (this.#stuck && this.#pull === undefined) this.#startPull(onError);
  }

  /** Reads what was committed since the last record taken, unless a read is on; resolves after it. */
  poll(onError: (e: unknown) => void): Promise<void> {
    if (this.live && this.#pull === undefined && !this.#stuck) this.#startPull(onError);
    return this.#pull ?? Promise.resolve();
  }

  /** Resolves when no read is in flight. */
  async idle(): Promise<void> {
    while (this.#pull !== undefined) await this.#pull;
  }

  #takeOne(r: StoredRecord): void {
    this.lastSeq = r.seq;
    this.opts.take(r);
  }

  #takeAll(records: readonly StoredRecord[], checkGaps: boolean, onError: (e: unknown) => void) {
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      if (r.seq <= this.lastSeq) continue; // read from the store already
      if (checkGaps && r.seq > this.lastSeq + 1) {
        for (let j = i; j < records.length; j++) this.#incoming.push(records[j]!);
        this.#startPull(onError);
        return;
      }
      this.#takeOne(r);
    }
  }

  #startPull(onError: (e: unknown) => void): void {
    this.#stuck = false;
    this.#pull = (async () => {
      try {
        await this.readAll(() => undefined);
      } catch (e: unknown) {
        this.#stuck = true;
        onError(e);
        return;
      } finally {
        this.#pull = undefined;
      }
      // The store was read to its end: what waited is either taken already or after it.
      const rest = this.#incoming;
      this.#incoming = [];
      this.#takeAll(rest, false, onError);
    })();
  }
}
