/** Reads a response body as UTF-8 text, streamed, stopping as soon as it passes a byte limit. */

/** The body text and its size, or `too_large` once more than `maxBytes` arrived (the rest is not read). */
export type BodyRead =
  | { readonly ok: true; readonly text: string; readonly bytes: number }
  | { readonly ok: false; readonly bytes: number };

/** Reads `res`'s body up to `maxBytes`; a declared `content-length` over the limit is refused unread. */
export async function readBody(res: Response, maxBytes: number): Promise<BodyRead> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, bytes: 0 };
  }
  if (res.body === null) return { ok: true, text: '', bytes: 0 };
  // Node's fetch types give the body's chunks as `any`: they are bytes (Fetch §5.2).
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, bytes };
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(Buffer.concat(chunks)), bytes };
}
