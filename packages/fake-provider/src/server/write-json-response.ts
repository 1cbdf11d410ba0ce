/** Sends a non-streaming success body, honouring the drop and stall faults. */
import type { ServerResponse } from 'node:http';
import type { DropFault, StallFault } from '../faults/index.js';
import type { HeaderMap } from '../protocol/index.js';
import { delay } from './delay.js';

/**
 * Writes `body` with a content-length. `drop` sends half the bytes and closes the socket
 * once they are flushed; `stall` sends the headers, then waits `ms` (or until the client gives
 * up) before the body.
 */
export async function writeJsonResponse(
  res: ServerResponse,
  headers: HeaderMap,
  body: string,
  fault: DropFault | StallFault | undefined,
): Promise<void> {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(200, { ...headers, 'content-length': String(bytes.length) });
  if (fault?.kind === 'drop') {
    // Half the promised bytes, then close: the client's body read fails mid-way.
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    res.socket?.destroySoon();
    return;
  }
  if (fault?.kind === 'stall') {
    res.flushHeaders();
    if (!(await delay(fault.ms, res))) return;
  }
  res.end(bytes);
}
