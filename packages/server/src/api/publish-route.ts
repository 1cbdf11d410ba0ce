/**
 * `POST /v1/incidents/{id}/updates/{stage}/publish` (admin): publishes the public update of a
 * stage, as drafted or with edited text. Edited text is linted first and refused with 422 and
 * the findings when it names no layer or uses vague wording, unless `"force": true`
 * (server-api.md, Acting). The published update is what the public status page (issue 13) and
 * the configured publishers will show.
 */
import { checkIncident, lintUpdate, UPDATE_STAGES, type UpdateStage } from '@faultline/core';
import type { Store } from '../store/port.js';
import { errorResult, jsonResult, type ApiResult } from './api-result.js';

/** The publish request's body, already parsed (`undefined`: no body). */
export interface PublishBody {
  readonly text?: unknown;
  readonly force?: unknown;
}

/** Longest edited text accepted, in characters. */
export const MAX_UPDATE_CHARS = 10_000;

function isStage(s: string): s is UpdateStage {
  return (UPDATE_STAGES as readonly string[]).includes(s);
}

function bodyProblem(body: PublishBody): string | undefined {
  if (body.text !== undefined && typeof body.text !== 'string') return 'text must be a string';
  if (typeof body.text === 'string' && body.text.trim() === '') return 'text must not be empty';
  if (typeof body.text === 'string' && body.text.length > MAX_UPDATE_CHARS)
    return `text must be at most ${MAX_UPDATE_CHARS} characters`;
  if (body.force !== undefined && typeof body.force !== 'boolean')
    return 'force must be true or false';
  return undefined;
}

/** Publishes; the answer is the stored update, or the spec's error. */
export async function publishUpdate(
  store: Store,
  id: string,
  stage: string,
  body: PublishBody,
  nowMs: number,
): Promise<ApiResult> {
  if (!isStage(stage))
    return errorResult(
      404,
      'not_found',
      `no stage "${stage.slice(0, 40)}"; one of ${UPDATE_STAGES.join(', ')}`,
    );
  const problem = bodyProblem(body);
  if (problem !== undefined) return errorResult(400, 'bad_request', problem);
  const detail = await store.incident(id);
  if (detail === undefined) return errorResult(404, 'not_found', 'no such incident');
  const text = typeof body.text === 'string' ? body.text : undefined;
  if (text !== undefined && body.force !== true) {
    const checked = checkIncident(JSON.parse(detail.incident.json) as unknown, 'incident');
    const lint = lintUpdate(text, checked.ok ? { incident: checked.value } : {});
    if (!lint.ok)
      return jsonResult(422, {
        error: {
          code: 'lint_failed',
          message:
            'The text has wording problems; fix them, or send "force": true to publish anyway.',
        },
        findings: lint.findings,
      });
  }
  const published = await store.publishUpdate(id, stage, 'public', text, nowMs);
  if (published === undefined)
    return errorResult(404, 'not_found', `no public update drafted for stage ${stage} yet`);
  return jsonResult(200, {
    stage: published.stage,
    voice: published.voice,
    text: published.text,
    drafted_at: new Date(published.draftedAtMs).toISOString(),
    published_at:
      published.publishedAtMs === null ? null : new Date(published.publishedAtMs).toISOString(),
  });
}
