/** Finding phrases in update text: every match with offsets, its sentence, and whether it is negated. */

/** A matched piece of text and where it is. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Every match of `pattern` in `text` (its own flags, plus global). */
export function findAll(text: string, pattern: RegExp): Span[] {
  const re = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0] === '') continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** True when any pattern matches anywhere in `text`. */
export function anyMatch(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => findAll(text, p).length > 0);
}

/** A sentence ends at ".", "!" or "?" before white space (so "4.7" does not end one), or a newline. */
const SENTENCE_END = /[.!?](?=\s|$)|\n/g;

/** The sentence around offset `at`. */
export function sentenceAt(text: string, at: number): Span {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m.index < at) start = m.index + 1;
    else {
      end = m.index + 1;
      break;
    }
  }
  return { start, end, text: text.slice(start, end) };
}

const CLAUSE_START = /[.!?;:,—–\n](?=\s|$)|[;:—–\n]/g;
const NEGATION = /\b(?:not|no|never|nor|without|rather than|instead of)\b|n't\b/i;

/** True when the clause before offset `at` negates it: "this is not a change in model quality". */
export function isNegated(text: string, at: number): boolean {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(CLAUSE_START)) start = m.index + 1;
  return NEGATION.test(text.slice(start, at));
}

/** Keeps the earliest (then longest) of overlapping spans. */
export function withoutOverlaps<T extends Span>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || s.start >= last.end) out.push(s);
  }
  return out;
}
