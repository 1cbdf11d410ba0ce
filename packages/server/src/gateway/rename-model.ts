/** Per-target model renames (`routes[].models`): in the JSON body, or in Gemini's path. */

/** Gemini names the model in the path: `models/{model}:{method}` (ai.google.dev/api). */
const PATH_MODEL = /\/models\/([^/:?]+)/;

/** The path and body to send to one target after its renames; unchanged when none apply. */
export function renameModel(
  path: string,
  body: Buffer,
  renames: Readonly<Record<string, string>> | undefined,
): { readonly path: string; readonly body: Buffer } {
  if (renames === undefined) return { path, body };
  const m = PATH_MODEL.exec(path);
  const fromPath = m?.[1] === undefined ? undefined : renames[decodeURIComponent(m[1])];
  if (m !== null && fromPath !== undefined) {
    const at = m.index + '/models/'.length;
    path = path.slice(0, at) + encodeURIComponent(fromPath) + path.slice(at + m[1]!.length);
  }
  if (body.length === 0 || body[0] !== 0x7b /* { */) return { path, body };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { path, body };
  }
  const model = (parsed as { model?: unknown }).model;
  const to = typeof model === 'string' ? renames[model] : undefined;
  if (to === undefined) return { path, body };
  (parsed as { model: string }).model = to;
  return { path, body: Buffer.from(JSON.stringify(parsed)) };
}
