/** Judges an `application/json` body: one record, or an array of them judged one by one. */
import { isUtf8 } from 'node:buffer';
import { validateRecord } from '@faultline/core';
import type { RowCollector } from './row-collector.js';

/**
 * Feeds the body's record(s) to `rows`; an array element's `line` is its 1-based index. Returns
 * a reason when the body cannot be read at all (not UTF-8, not JSON: a 400), else `undefined`.
 * A body of white space only holds no records.
 */
export function parseJsonBody(body: Buffer, rows: RowCollector): string | undefined {
  if (!isUtf8(body)) return 'The body is not valid UTF-8.';
  let text = body.toString('utf8');
  // A byte order mark is not JSON but says nothing wrong: dropped, as for JSON Lines.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e: unknown) {
    // V8 recurses: deep nesting ("[[[[…") is a RangeError, an unreadable body like any other.
    return e instanceof RangeError
      ? 'The JSON is nested too deeply.'
      : 'The body is not valid JSON.';
  }
  if (!Array.isArray(value)) {
    rows.add(validateRecord(value), text.trim(), 1);
    return undefined;
  }
  const items: readonly unknown[] = value;
  for (let i = 0; i < items.length; i++) rows.add(validateRecord(items[i]), undefined, i + 1);
  return undefined;
}
