/**
 * Atlassian Statuspage REST v1 requests (developer.statuspage.io: "Create an incident",
 * "Update an incident", "Get a list of unresolved incidents"): `Authorization: OAuth <api key>`,
 * bodies `{"incident": {...}}`, the page's API URL `https://api.statuspage.io/v1/pages/<page id>`.
 */
import type { UpdateStage } from '@faultline/core';
import type { HttpRequest } from './http-answer.js';
import { clip } from './incident-summary.js';

/** Where our incident id is kept on the page's incident, to find it again after a restart. */
export const METADATA_KEY = 'faultline';

/** The incident name: the approved text's first sentence (a public page shows only approved words). */
export function incidentName(text: string): string {
  const first = /^.*?[.!?](\s|$)/s.exec(text)?.[0] ?? text;
  return clip(first.trim(), 120);
}

function auth(apiKey: string): Record<string, string> {
  return { authorization: `OAuth ${apiKey}` };
}

/** Creates the page's incident at `stage` with the approved text. */
export function createIncident(
  pageUrl: string,
  apiKey: string,
  incidentId: string,
  stage: UpdateStage,
  text: string,
): HttpRequest {
  const incident = {
    name: incidentName(text),
    status: stage,
    body: text,
    metadata: { [METADATA_KEY]: { incident_id: incidentId } },
  };
  return {
    method: 'POST',
    url: `${pageUrl}/incidents`,
    headers: auth(apiKey),
    body: JSON.stringify({ incident }),
  };
}

/** Posts a new update (status and text) to the page's incident `pageIncidentId`. */
export function updateIncident(
  pageUrl: string,
  apiKey: string,
  pageIncidentId: string,
  stage: UpdateStage,
  text: string,
): HttpRequest {
  return {
    method: 'PATCH',
    url: `${pageUrl}/incidents/${encodeURIComponent(pageIncidentId)}`,
    headers: auth(apiKey),
    body: JSON.stringify({ incident: { status: stage, body: text } }),
  };
}

/** Lists the page's unresolved incidents (to find ours by its metadata). */
export function listUnresolved(pageUrl: string, apiKey: string): HttpRequest {
  return { method: 'GET', url: `${pageUrl}/incidents/unresolved`, headers: auth(apiKey) };
}

/** The page incident in `list` (a JSON array of incidents) carrying our `incidentId`, if any. */
export function findOurs(list: unknown, incidentId: string): string | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, metadata } = item as { id?: unknown; metadata?: Record<string, unknown> | null };
    const ours = metadata?.[METADATA_KEY] as { incident_id?: unknown } | undefined;
    if (typeof id === 'string' && ours?.incident_id === incidentId) return id;
  }
  return undefined;
}

/** The `id` of a created incident answer, if it has one. */
export function idOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    const id = (parsed as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
