// The leader's health document cut into NOTIFY payloads (each under PostgreSQL's 8,000 bytes) and put back together.

/** Characters of document per payload: ASCII only (see `asciiJson`), so bytes too. */
const CHUNK_CHARS = 7_000;
/** A larger document is not sent (followers keep the last one, its `at` showing its age). */
export const MAX_HEALTH_CHUNKS = 32;

/** JSON with every non-ASCII character as a `\u` escape: the same document, cut anywhere safely. */
function asciiJson(json: string): string {
  return json.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The payloads of one document: `<store>|<generation>|<index>|<count>|<part>`, `store` naming
 * the schema (replicas of several stores may share a database, and a channel is per database).
 * Undefined when it would take more than {@link MAX_HEALTH_CHUNKS}.
 */
export function healthChunks(
  store: string,
  generation: number,
  json: string,
): string[] | undefined {
  const text = asciiJson(json);
  const count = Math.max(1, Math.ceil(text.length / CHUNK_CHARS));
  if (count > MAX_HEALTH_CHUNKS) return undefined;
  const head = `${encodeURIComponent(store)}|${generation}`;
  return Array.from(
    { length: count },
    (_, i) => `${head}|${i}|${count}|${text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS)}`,
  );
}

/** Puts a store's documents back together from payloads; the others' are ignored. */
export class HealthAssembler {
  #generation = -1;
  #parts: string[] = [];
  #have = 0;
  readonly #head: string;

  constructor(store: string) {
    this.#head = `${encodeURIComponent(store)}|`;
  }

  /** Takes one payload; returns the document it completes, if any. */
  take(payload: string): string | undefined {
    if (!payload.startsWith(this.#head)) return undefined;
    const fields = payload.slice(this.#head.length).split('|');
    const [generation, index, count] = fields.slice(0, 3).map(Number) as [number, number, number];
    const part = fields.slice(3).join('|');
    if (![generation, index, count].every(Number.isSafeInteger) || index >= count) return undefined;
    if (generation !== this.#generation) {
      this.#generation = generation;
      this.#parts = new Array<string>(count);
      this.#have = 0;
    }
    if (this.#parts.length !== count) return undefined;
    if (this.#parts[index] === undefined) this.#have++;
    this.#parts[index] = part;
    return this.#have === count ? this.#parts.join('') : undefined;
  }
}
