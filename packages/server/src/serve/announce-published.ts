/** Telling the channels of an update an admin published (approved text for public pages). */
import { UPDATE_STAGES, type DocumentIncident, type UpdateStage } from '@faultline/core';
import type { Notifier } from '../notify/index.js';
import type { Store } from '../store/port.js';

/** Hands the published text to the notifier, with the incident as stored. */
export async function announcePublished(
  store: Store,
  notifier: Notifier,
  id: string,
  stage: string,
  text: string,
): Promise<void> {
  const detail = await store.incident(id).catch(() => undefined);
  if (detail === undefined || !isUpdateStage(stage)) return;
  notifier.handle({
    kind: detail.incident.state === 'resolved' ? 'resolved' : 'updated',
    incident: JSON.parse(detail.incident.json) as DocumentIncident,
    stage,
    publicText: { text, approved: true },
  });
}

function isUpdateStage(s: string): s is UpdateStage {
  return (UPDATE_STAGES as readonly string[]).includes(s);
}

/** Resolves after `ms`, holding nothing open. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
