/**
 * Google Cloud Service Health `incidents.json` (status-pages.md §4): one array for every product,
 * filtered here by product id. Each watched product gets a reading: the worst open incident, or
 * operational when none is open.
 */
import type { ComponentStatus } from '@faultline/core';
import { z } from 'zod';
import type { PageFormat, ParseOutcome } from '../page-format.js';
import { endpointUnder } from '../page-format.js';
import { readJson } from '../json-document.js';
import { pageText } from '../plain-text.js';
import type { ComponentReading } from '../status-source.js';

/** Watched products, keyed by id because Google retitles them (CB in status-pages.md §4). */
export const GOOGLE_LLM_PRODUCTS: Readonly<Record<string, string>> = {
  Z0FZJAMvEB4j3NbCJs6B: 'Vertex Gemini API',
  sdXM79fz1FS6ekNpu37K: 'Vertex AI Online Prediction',
};

const IMPACTS = [
  'SERVICE_INFORMATION',
  'SERVICE_DISRUPTION',
  'SERVICE_OUTAGE',
  'AVAILABLE',
] as const;
/** §7: information → degraded, disruption → partial, outage → major, available → operational. */
const STATUS: Readonly<Record<(typeof IMPACTS)[number], ComponentStatus>> = {
  SERVICE_INFORMATION: 'degraded_performance',
  SERVICE_DISRUPTION: 'partial_outage',
  SERVICE_OUTAGE: 'major_outage',
  AVAILABLE: 'operational',
};
const RANK = ['operational', 'degraded_performance', 'partial_outage', 'major_outage'];

const incidentSchema = z.looseObject({
  id: z.string(),
  begin: z.string().nullish(),
  created: z.string().nullish(),
  modified: z.string().nullish(),
  end: z.string().nullish(),
  external_desc: z.string(),
  status_impact: z.enum(IMPACTS),
  most_recent_update: z.looseObject({ status: z.enum(IMPACTS) }).nullish(),
  affected_products: z.array(z.looseObject({ id: z.string() })),
});
type GoogleIncident = z.output<typeof incidentSchema>;

/** The latest update's word when there is one, else the incident's. */
const statusOf = (i: GoogleIncident): ComponentStatus =>
  STATUS[i.most_recent_update?.status ?? i.status_impact];

function readingFor(id: string, incident: GoogleIncident | undefined): ComponentReading {
  const name = GOOGLE_LLM_PRODUCTS[id] ?? id;
  if (incident === undefined)
    return { component: name, componentId: id, status: 'operational', incident: null };
  const c = incident;
  return {
    component: name,
    componentId: id,
    status: statusOf(c),
    incident: pageText(c.external_desc),
    incidentId: c.id,
    ...(c.begin == null ? {} : { pageStartedAt: c.begin }),
    ...(c.created == null ? {} : { pagePostedAt: c.created }),
    ...(c.modified == null ? {} : { pageUpdatedAt: c.modified }),
  };
}

function parse(text: string): ParseOutcome {
  const doc = readJson(text, z.array(incidentSchema));
  if (!doc.ok) return doc;
  const open = doc.value.filter((i) => i.end == null);
  const worst = (id: string): GoogleIncident | undefined =>
    open
      .filter((i) => i.affected_products.some((p) => p.id === id))
      .sort((a, b) => RANK.indexOf(statusOf(b)) - RANK.indexOf(statusOf(a)))[0];
  const readings = Object.keys(GOOGLE_LLM_PRODUCTS).map((id) => readingFor(id, worst(id)));
  return { ok: true, readings, complete: true };
}

/** The `google-cloud` kind. */
export const googleCloudFormat: PageFormat = {
  body: 'json',
  endpoint: (baseUrl) => endpointUnder(baseUrl, '/incidents.json'),
  parse,
};
