/**
 * The page's components (config.md `status_page.components`): the features users see and the
 * provider models each uses; by default one per provider seen. Which incidents cover which.
 */
import { createHash } from 'node:crypto';
import { providerDisplayName } from '@faultline/core';
import type { IncidentFacts } from './incident-facts.js';

/** A component and what it depends on. */
export interface PageComponent {
  readonly id: string;
  readonly name: string;
  /** `"provider/model"`; a model of `*` is every model of the provider. */
  readonly uses: readonly string[];
}

/** A short stable id: summary.json readers key on ids, never on names (status-pages.md §1.1). */
export function stableId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The configured components, or one per provider (`provider/*`) when none are configured. */
export function pageComponents(
  configured: readonly { readonly name: string; readonly uses: readonly string[] }[],
  providersSeen: readonly string[],
): PageComponent[] {
  if (configured.length > 0)
    return configured.map((c) => ({ id: stableId(c.name), name: c.name, uses: c.uses }));
  return [...new Set(providersSeen)].sort().map((p) => {
    const name = providerDisplayName(p);
    return { id: stableId(name), name, uses: [`${p}/*`] };
  });
}

function split(use: string): [string, string] {
  const at = use.indexOf('/');
  return [use.slice(0, at), use.slice(at + 1)];
}

/**
 * Whether the incident touches the component: a global incident touches everything, a
 * provider-wide one every model of its provider, a model one only its models (diagnosis.md Scopes).
 */
export function covers(component: PageComponent, incident: IncidentFacts): boolean {
  if (incident.scope === 'global') return true;
  return component.uses.some((use) => {
    const [provider, model] = split(use);
    if (provider !== incident.provider) return false;
    return incident.scope === 'provider' || model === '*' || incident.models.includes(model);
  });
}
