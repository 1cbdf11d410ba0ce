/** Collects output text and writes it in large pieces, waiting for `drain` when the stream is full. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const FLUSH_AT_CHARS = 1 << 20;

/** A writer that batches small strings into large writes and respects backpressure. */
export class BufferedWriter {
  #parts: string[] = [];
  #chars = 0;

  constructor(private readonly out: Writable) {}

  /** Queues text; nothing is written until `flushIfFull` or `flush`. */
  write(text: string): void {
    this.#parts.push(text);
    this.#chars += text.length;
  }

  /** Writes when enough text is queued; resolves once the stream can take more. */
  async flushIfFull(): Promise<void> {
    if (this.#chars >= FLUSH_AT_CHARS) await this.flush();
  }

  /** Writes everything queued and waits for the stream to drain if it asked to. */
  async flush(): Promise<void> {
    if (this.#chars === 0) return;
    const text = this.#parts.join('');
    this.#parts = [];
    this.#chars = 0;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}
