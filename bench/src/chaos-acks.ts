/**
 * What the chaos run's clients know: which of their records were acknowledged (their batch got a
 * 2xx and the line was not rejected), and every POST's answer time, status and replica.
 */
import { parseRequestId } from './chaos-records.js';

/** A growable set of small non-negative integers (record numbers of one client). */
export class Bitmap {
  private bits = new Uint8Array(1 << 16);
  count = 0;

  add(n: number): void {
    while (n >= this.bits.length) {
      const bigger = new Uint8Array(this.bits.length * 2);
      bigger.set(this.bits);
      this.bits = bigger;
    }
    if (this.bits[n] === 0) this.count++;
    this.bits[n] = 1;
  }

  has(n: number): boolean {
    return n < this.bits.length && this.bits[n] === 1;
  }
}

/** One POST that got an HTTP answer (network failures are counted apart). */
export interface PostSample {
  readonly startMs: number;
  readonly ms: number;
  readonly status: number;
  readonly replica: number;
}

export class AckLog {
  readonly acked: Bitmap[];
  readonly generated: number[];
  readonly posts: PostSample[] = [];
  /** POSTs that got no answer (connection refused everywhere, reset, timeout). */
  networkFailures = 0;
  /** Lines the server rejected (the traffic is all valid: must stay 0). */
  rejected = 0;
  /** 2xx answers whose body said `duplicate: true` (a resend of a committed batch). */
  duplicateAnswers = 0;

  constructor(clients: number) {
    this.acked = Array.from({ length: clients }, () => new Bitmap());
    this.generated = Array.from({ length: clients }, () => 0);
  }

  get totalAcked(): number {
    return this.acked.reduce((n, b) => n + b.count, 0);
  }

  get totalGenerated(): number {
    return this.generated.reduce((n, g) => n + g, 0);
  }

  /** Marks the records of a batch body acknowledged, but for the 1-based `rejectedLines`. */
  ackBody(body: string, rejectedLines: ReadonlySet<number>): void {
    body.split('\n').forEach((line, i) => {
      if (line === '' || rejectedLines.has(i + 1)) return;
      const id = parseRequestId((JSON.parse(line) as { request_id?: unknown }).request_id);
      if (id !== undefined) this.acked[id.client]?.add(id.n);
    });
  }
}
