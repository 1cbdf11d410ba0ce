/**
 * The Statuspage publisher: creates, updates and resolves an incident on the team's own page, only
 * ever with public text an admin approved. Drafts never reach it.
 */
import { createHash } from 'node:crypto';
import type { UpdateStage } from '@faultline/core';
import { httpAttempt } from './http-answer.js';
import type { NotifyChannel, SendContext, SendResult } from './notify-channel.js';
import type { NotifyConfigOf } from './notify-config.js';
import { stageOfEvent, type NotifyEvent } from './notify-event.js';
import {
  createIncident,
  findOurs,
  idOf,
  listUnresolved,
  updateIncident,
} from './statuspage-request.js';

/** Statuspage's API allows about 1 request per second per key; one delivery at most per second. */
export const STATUSPAGE_MIN_GAP_MS = 1000;

/** The page status of an event: its text's stage, `resolved` for a resolve (the words match). */
function statusOf(event: NotifyEvent): UpdateStage {
  return event.kind === 'resolved' ? 'resolved' : stageOfEvent(event);
}

/**
 * A Statuspage channel. The page's incident id is remembered per Faultline incident; after a
 * restart (or on another replica) it is found again by the metadata we set on creation.
 */
export function statuspageChannel(
  config: NotifyConfigOf<'statuspage'>,
  fetch: typeof globalThis.fetch,
): NotifyChannel {
  const pageIds = new Map<string, string>();

  async function findPageIncident(
    incidentId: string,
    ctx: SendContext,
  ): Promise<SendResult | string | undefined> {
    const known = pageIds.get(incidentId);
    if (known !== undefined) return known;
    const listed = await httpAttempt(fetch, listUnresolved(config.url, config.api_key), ctx);
    if (listed.result.outcome !== 'delivered') return listed.result;
    let list: unknown;
    try {
      list = JSON.parse(listed.body);
    } catch {
      return { outcome: 'retry', why: 'unreadable incident list' };
    }
    return findOurs(list, incidentId);
  }

  return {
    name: config.name,
    kind: 'statuspage',
    minGapMs: STATUSPAGE_MIN_GAP_MS,
    secrets: [config.api_key],
    deliveryKey(event) {
      const text = event.publicText;
      if (text === undefined || !text.approved) return undefined;
      const digest = createHash('sha256').update(text.text).digest('hex').slice(0, 16);
      return `public:${statusOf(event)}:${digest}`;
    },
    async send(event, ctx) {
      const text = event.publicText?.text ?? '';
      const id = event.incident.id;
      const found = await findPageIncident(id, ctx);
      if (typeof found === 'object') return found;
      const req =
        found === undefined
          ? createIncident(config.url, config.api_key, id, statusOf(event), text)
          : updateIncident(config.url, config.api_key, found, statusOf(event), text);
      const answer = await httpAttempt(fetch, req, ctx);
      const pageId = found ?? idOf(answer.body);
      if (answer.result.outcome === 'delivered' && pageId !== undefined) pageIds.set(id, pageId);
      return answer.result;
    },
  };
}
