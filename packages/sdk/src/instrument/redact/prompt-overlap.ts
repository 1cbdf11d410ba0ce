/**
 * The general safeguard against prompt echoes: any run of at least `MIN_ECHO_CHARS` characters of
 * the request's text that appears in an error message is cut out of it. Runs only when there is
 * a message to scrub.
 */
import { REDACTED } from './key-shapes.js';

/** Shorter common runs are ordinary words and phrases, not an echo. */
export const MIN_ECHO_CHARS = 16;
/** Request text searched, at most (characters); the rest of a huge prompt is not searched. */
const MAX_SEARCHED_CHARS = 4 << 20;
/** Request bodies parsed to find their strings, at most; larger ones are searched raw. */
const MAX_PARSED_CHARS = 8 << 20;
/** Grams are sampled every `GRAM` characters of the message: any run of 2·GRAM holds one. */
const GRAM = MIN_ECHO_CHARS / 2;
/** Occurrences of a gram tried in the request text before moving to the next gram. */
const MAX_TRIES = 8;

/** Keys whose values are ids, names and media rather than text someone wrote. */
const NOT_TEXT = new Set([
  'model',
  'data',
  'name',
  'type',
  'role',
  'id',
  'tool_call_id',
  'tool_use_id',
  'media_type',
  'mime_type',
  'mimeType',
]);

/** The request's string values (prompts, system text, tool input), joined; the raw body if not JSON. */
export function requestText(bodyText: string | undefined): string {
  if (bodyText === undefined || bodyText.length < MIN_ECHO_CHARS) return '';
  if (bodyText.length <= MAX_PARSED_CHARS) {
    try {
      const parts: string[] = [];
      collect(JSON.parse(bodyText) as unknown, parts, { chars: 0 });
      return parts.join('\u0000');
    } catch {
      // not JSON: search the raw text
    }
  }
  return bodyText.slice(0, MAX_SEARCHED_CHARS);
}

function collect(v: unknown, out: string[], seen: { chars: number }): void {
  if (seen.chars >= MAX_SEARCHED_CHARS) return;
  if (typeof v === 'string') {
    // base64 media (`data:` URLs, Gemini inlineData) cannot be echoed as words
    if (v.length >= MIN_ECHO_CHARS && !v.startsWith('data:')) {
      out.push(v);
      seen.chars += v.length;
    }
  } else if (Array.isArray(v)) {
    for (const x of v) collect(x, out, seen);
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) if (!NOT_TEXT.has(k)) collect(x, out, seen);
  }
}

/** `message` with every run of ≥ `MIN_ECHO_CHARS` characters found in `text` replaced. */
export function cutOverlap(message: string, text: string): string {
  if (text.length < MIN_ECHO_CHARS || message.length < MIN_ECHO_CHARS) return message;
  const cut: Array<[number, number]> = [];
  let coveredTo = 0;
  for (let i = 0; i + GRAM <= message.length; i += GRAM) {
    if (i + GRAM <= coveredTo) continue;
    const run = longestRunThrough(message, i, text);
    if (run !== undefined && run[1] - run[0] >= MIN_ECHO_CHARS) {
      const last = cut[cut.length - 1];
      if (last !== undefined && run[0] <= last[1]) last[1] = Math.max(last[1], run[1]);
      else cut.push(run);
      coveredTo = run[1];
    }
  }
  if (cut.length === 0) return message;
  let out = '';
  let at = 0;
  for (const [from, to] of cut) {
    out += message.slice(at, from) + REDACTED;
    at = to;
  }
  return out + message.slice(at);
}

/** The longest common run containing message[i, i+GRAM), over the gram's first occurrences. */
function longestRunThrough(m: string, i: number, text: string): [number, number] | undefined {
  const gram = m.slice(i, i + GRAM);
  let best: [number, number] | undefined;
  let p = text.indexOf(gram);
  for (let tries = 0; p !== -1 && tries < MAX_TRIES; tries++) {
    let from = i;
    let q = p;
    while (from > 0 && q > 0 && m.charCodeAt(from - 1) === text.charCodeAt(q - 1)) {
      from--;
      q--;
    }
    let to = i + GRAM;
    let r = p + GRAM;
    while (to < m.length && r < text.length && m.charCodeAt(to) === text.charCodeAt(r)) {
      to++;
      r++;
    }
    if (best === undefined || to - from > best[1] - best[0]) best = [from, to];
    p = text.indexOf(gram, p + 1);
  }
  return best;
}
