/** Subscribes to `/v1/events` (Server-Sent Events; the browser resumes with `Last-Event-ID`). */
import { reportData } from './report-data.js';

const KINDS = [
  'incident.opened',
  'incident.updated',
  'incident.resolved',
  'incident.reopened',
  'breaker.changed',
  'status.changed',
] as const;

/**
 * Calls `onChange` on every live change; returns the function that stops listening. A report
 * file is a still picture of a replay: nothing changes, so it opens no connection.
 */
export function liveEvents(onChange: (kind: string) => void): () => void {
  if (reportData() !== undefined) return () => undefined;
  const source = new EventSource('/v1/events');
  const listener = (e: Event): void => onChange(e.type);
  for (const k of KINDS) source.addEventListener(k, listener);
  return () => source.close();
}
