/** Reads a response body as text, at most so many bytes, so a huge answer cannot exhaust memory. */

/** The body's first `maxBytes` bytes as UTF-8 text; the rest is cancelled unread. */
export async function boundedText(res: Response, maxBytes: number): Promise<string> {
  if (res.body === null) return '';
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= maxBytes) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}
