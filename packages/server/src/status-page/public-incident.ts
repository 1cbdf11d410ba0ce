/**
 * An incident as the public sees it: a neutral name (the layer in plain words, whose it is, and
 * the features it touches), its published updates newest first, and its public stage. Nothing
 * from the evidence and no model names: those are for the team's own dashboard.
 */
import { providerDisplayName } from '@faultline/core';
import { incidentState, type IncidentFacts } from './incident-facts.js';
import type { PublicIncident } from './page-model.js';
import type { PageComponent } from './page-components.js';

function layerPhrase(i: IncidentFacts): string {
  const who = i.provider === null ? null : providerDisplayName(i.provider);
  switch (i.layer) {
    case 'integration':
      return 'A problem on our side';
    case 'network':
      return who === null ? 'Network problems' : `Network problems reaching ${who}`;
    case 'model':
      return who === null ? 'Unusable AI responses' : `Unusable responses from ${who}`;
    case 'provider':
      if (who === null) return 'AI provider problems';
      return i.reason === 'slow' ? `Slow responses from ${who}` : `Errors from ${who}`;
  }
}

/** "Errors from Anthropic affecting Writing assistant and Search". */
export function incidentName(i: IncidentFacts, touched: readonly PageComponent[]): string {
  const names = touched.map((c) => c.name);
  if (names.length === 0) return layerPhrase(i);
  const list =
    names.length === 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  return `${layerPhrase(i)} affecting ${list}`;
}

/** The public incident, or `undefined` when nothing about it was published yet. */
export function publicIncident(
  i: IncidentFacts,
  touched: readonly PageComponent[],
): PublicIncident | undefined {
  const updates = [...i.published].sort((a, b) => b.publishedAtMs - a.publishedAtMs);
  const newest = updates[0];
  if (newest === undefined) return undefined;
  return {
    id: i.id,
    name: incidentName(i, touched),
    status: i.open ? newest.stage : 'resolved',
    state: incidentState(i),
    open: i.open,
    startedAtMs: i.startedAtMs,
    endedAtMs: i.endedAtMs,
    updatedAtMs: Math.max(i.updatedAtMs, newest.publishedAtMs),
    componentIds: touched.map((c) => c.id),
    updates,
  };
}
