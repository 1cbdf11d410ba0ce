/**
 * incident.io-hosted pages (OpenAI, Groq, …). The page's own JSON (`/proxy/<host>`) is polled by
 * default because the Statuspage-style shim is lossy (status-pages.md §2); a configured URL with a
 * path (e.g. the Widget API's `/api/v1/summary`) is polled as is. Either document is accepted.
 */
import type { PageFormat, ParseOutcome } from '../page-format.js';
import { endpointUnder } from '../page-format.js';
import { readJson } from '../json-document.js';
import { proxySummarySchema, widgetSummarySchema } from './incidentio-schema.js';
import { proxyReadings, widgetReadings } from './incidentio-readings.js';

function parse(text: string): ParseOutcome {
  const proxy = readJson(text, proxySummarySchema);
  if (proxy.ok) return { ok: true, readings: proxyReadings(proxy.value), complete: true };
  const widget = readJson(text, widgetSummarySchema);
  if (widget.ok) return { ok: true, readings: widgetReadings(widget.value), complete: false };
  return { ok: false, detail: `neither page JSON nor widget summary (${widget.detail})` };
}

/** The `incidentio` kind. */
export const incidentioFormat: PageFormat = {
  body: 'json',
  endpoint: (baseUrl) => endpointUnder(baseUrl, `/proxy/${new URL(baseUrl).host}`),
  parse,
};
