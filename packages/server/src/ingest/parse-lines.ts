/** Judges a JSON Lines body line by line. */
import { isUtf8 } from 'node:buffer';
import { parseRecordLine } from '@faultline/core';
import type { RowCollector } from './row-collector.js';

const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/** True when a line has nothing but JSON white space (RFC 8259 §2), which readers skip. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

/** Judges one line's text: CR and a leading byte order mark dropped, as `LineSplitter` does. */
function judge(raw: string, line: number, rows: RowCollector): void {
  let text = raw.charCodeAt(raw.length - 1) === CR ? raw.slice(0, -1) : raw;
  if (text.charCodeAt(0) === BOM) text = text.slice(1);
  if (!isBlank(text)) rows.add(parseRecordLine(text), text, line);
}

/**
 * Feeds every line of `body` (LF or CRLF, numbered from 1) to `rows`, each judged alone. A body
 * that is all UTF-8 (the usual case, checked at once) is decoded once and split as text; else
 * each line is checked and one that is not UTF-8 is rejected. A body of lines is never unreadable
 * as a whole, so this returns `undefined` (the shape of `parseJsonBody`).
 */
export function parseLines(body: Buffer, rows: RowCollector): undefined {
  if (isUtf8(body)) {
    const text = body.toString('utf8');
    let start = 0;
    let line = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      judge(text.slice(start, end), ++line, rows);
      start = end + 1;
    }
    return undefined;
  }
  let start = 0;
  let line = 0;
  while (start < body.length) {
    let end = body.indexOf(LF, start);
    if (end === -1) end = body.length;
    line++;
    const bytes = body.subarray(start, end);
    if (isUtf8(bytes)) judge(bytes.toString('utf8'), line, rows);
    else rows.reject(line, 'encoding', 'not valid UTF-8');
    start = end + 1;
  }
  return undefined;
}
