// A manual clock with timers: tests fire the next timer and see every delay that was asked for.
import type { ProbeTimers } from '../../src/probes/index.js';

interface Pending {
  readonly id: number;
  readonly atMs: number;
  readonly callback: () => void;
}

export class FakeTimers implements ProbeTimers {
  nowMs = 1_800_000_000_000;
  /** Every delay passed to setTimeout, in order. */
  readonly delays: number[] = [];
  #pending: Pending[] = [];
  #next = 1;

  readonly now = (): number => this.nowMs;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.delays.push(ms);
    this.#pending.push({ id, atMs: this.nowMs + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#pending = this.#pending.filter((p) => p.id !== handle);
  }

  /** Timers waiting. */
  get pending(): number {
    return this.#pending.length;
  }

  /** When the next timer is due (epoch ms). */
  nextAtMs(): number | undefined {
    return this.#pending.reduce<number | undefined>(
      (m, p) => Math.min(m ?? p.atMs, p.atMs),
      undefined,
    );
  }

  /** Moves the clock to the next timer and runs it. */
  fireNext(): void {
    const due = this.nextAtMs();
    if (due === undefined) throw new Error('no timer pending');
    const p = this.#pending.find((x) => x.atMs === due)!;
    this.#pending = this.#pending.filter((x) => x !== p);
    this.nowMs = Math.max(this.nowMs, due);
    p.callback();
  }
}
