/** The head of a gateway answer: the upstream's status and end-to-end headers, and which target. */
import type { ServerResponse } from 'node:http';
import { endToEndPairs } from './hop-by-hop.js';

/** The gateway's own answer fields: an upstream's (another gateway's) are replaced. */
const OWN: ReadonlySet<string> = new Set(['x-faultline-target', 'x-faultline-attempts']);

/** Writes the head; every answer says which target answered and after how many attempts. */
export function answerHead(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | string[] | undefined>,
  target: string,
  attempts: number,
): void {
  const out = endToEndPairs(headers, OWN);
  out.push('x-faultline-target', target, 'x-faultline-attempts', String(attempts));
  res.writeHead(status, out as string[]);
}

/** The gateway's own refusal (no route, body too large), in the common `{"error": {…}}` shape. */
export function refuse(res: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ type: 'error', error: { type, message } });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-faultline-attempts': '0',
  });
  res.end(body);
}
