/**
 * An upstream answer's body as undici's dispatch API hands it over (send-attempt.ts), read chunk by
 * chunk: no stream object, no async-iterator machinery. Chunks wait in a queue only while the
 * client is slower than the upstream; past a high-water mark the upstream's socket is paused until
 * the reader took them, so backpressure reaches the upstream and nothing piles up.
 */
import type { Dispatcher } from 'undici';

/** Queued bytes past which the upstream is paused (undici's own body stream's default mark). */
const HIGH_WATER_BYTES = 64 << 10;
const DONE: IteratorResult<Buffer> = { done: true, value: undefined };

type Controller = Pick<Dispatcher.DispatchController, 'pause' | 'resume' | 'abort' | 'paused'>;

/** The body's chunks in order, then its end, or the error that broke it off. */
export class UpstreamBody implements AsyncIterator<Buffer> {
  readonly #queue: Buffer[] = [];
  #bytes = 0;
  #ended = false;
  #error: Error | null = null;
  #resolve: ((r: IteratorResult<Buffer>) => void) | undefined;
  #reject: ((e: unknown) => void) | undefined;

  constructor(private readonly controller: Controller) {}

  /** A chunk arrived: handed to a waiting read, else queued (pausing the upstream past the mark). */
  push(chunk: Buffer): void {
    const resolve = this.#resolve;
    if (resolve !== undefined) {
      this.#resolve = this.#reject = undefined;
      return resolve({ done: false, value: chunk });
    }
    this.#queue.push(chunk);
    this.#bytes += chunk.length;
    if (this.#bytes >= HIGH_WATER_BYTES) this.controller.pause();
  }

  /** The body ended whole. */
  end(): void {
    this.#ended = true;
    const resolve = this.#resolve;
    this.#resolve = this.#reject = undefined;
    resolve?.(DONE);
  }

  /** The body broke off (reset, idle timeout, abort): reads fail once the queue is taken. */
  fail(error: Error): void {
    if (this.#ended || this.#error !== null) return;
    this.#error = error;
    const reject = this.#reject;
    this.#resolve = this.#reject = undefined;
    reject?.(error);
  }

  /** The next chunk, the end, or the error; at most one read waits at a time. */
  next(): Promise<IteratorResult<Buffer>> {
    if (this.#queue.length > 0) {
      const value = this.#queue.shift()!;
      this.#bytes -= value.length;
      if (this.#bytes < HIGH_WATER_BYTES && this.controller.paused) this.controller.resume();
      return Promise.resolve({ done: false, value });
    }
    if (this.#error !== null) return Promise.reject(this.#error);
    if (this.#ended) return Promise.resolve(DONE);
    return new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /** The end came and every chunk was taken: the next read is the end. */
  get taken(): boolean {
    return this.#ended && this.#queue.length === 0;
  }

  /** Not read to its end: the upstream request is cancelled (its connection is not reused). */
  destroy(): void {
    if (this.#ended || this.#error !== null) return;
    this.controller.abort(new DOMException('the gateway stopped reading', 'AbortError'));
  }
}
