// A real service (temp SQLite) seeded with incidents and drafts, for the public status page tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkIncident, draftUpdate } from '@faultline/core';
import { validateConfig } from '../../src/config/index.js';
import { startService, type RunningService } from '../../src/serve/start-service.js';
import type { UpdateStage } from '../../src/store/port.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** The service's clock starts here (mid-day, so day boundaries are easy to reason about). */
export const T0 = Date.parse('2026-12-01T12:00:00.000Z');
/** Text that must never reach a public document. */
export const SECRET = {
  evidence: 'EVIDENCE-SECRET-41-percent',
  internal: 'INTERNAL-ONLY-page-the-db-team',
} as const;

export interface SeedIncident {
  readonly id: string;
  readonly scope: 'model' | 'provider' | 'global';
  readonly provider: string | null;
  readonly models: readonly string[];
  readonly reason?: 'overloaded' | 'slow' | 'server_error';
  readonly peak: number;
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  /** Public drafts to keep, by stage; each also gets an internal draft. */
  readonly drafts: readonly UpdateStage[];
}

function documentOf(s: SeedIncident): Record<string, unknown> {
  const doc = {
    id: s.id,
    layer: 'provider',
    owner: 'provider',
    reason: s.reason ?? 'overloaded',
    scope: s.scope,
    provider: s.provider,
    models: s.models,
    started_at: new Date(s.startedAtMs).toISOString(),
    detected_at: new Date(s.startedAtMs + 30_000).toISOString(),
    resolved_at: s.endedAtMs === null ? null : new Date(s.endedAtMs).toISOString(),
    peak_error_rate: s.peak,
    affected_calls: 120,
    confidence: 0.9,
    evidence: [{ kind: 'error_rate', text: SECRET.evidence }],
  };
  const checked = checkIncident(doc, 'seed');
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  return {
    ...doc,
    update: draftUpdate(checked.value, { stage: 'investigating', voice: 'public' }),
  };
}

/** The public draft seeded for a stage: published as is, or never shown. */
export function draftText(id: string, stage: UpdateStage): string {
  return `Draft for ${stage} of ${id}: the Anthropic API is returning HTTP 529 overloaded errors.`;
}

export interface StatusRig {
  readonly service: RunningService;
  readonly base: string;
  readonly admin: string;
  /** Moves the service's clock. */
  setNow(ms: number): void;
  seed(s: SeedIncident): Promise<void>;
  publish(id: string, stage: UpdateStage, body?: object): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the service with `status_page` set to `statusPage` (undefined: the default page). */
export async function startStatusRig(statusPage?: object): Promise<StatusRig> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-status-page-'));
  const config = validateConfig(
    {
      store: join(dir, 'status.db'),
      ...(statusPage === undefined ? {} : { status_page: statusPage }),
    },
    { env: {} },
  );
  let nowMs = T0;
  const service = await startService({ config, log: () => undefined, port: 0, now: () => nowMs });
  await service.caughtUp;
  const admin = service.createdTokens.find((t) => t.role === 'admin')?.secret ?? '';
  const base = service.address.url;
  return {
    service,
    base,
    admin,
    setNow: (ms) => {
      nowMs = ms;
    },
    seed: async (s) => {
      await service.store.saveIncidentChange({
        incident: {
          id: s.id,
          state: s.endedAtMs === null ? 'open' : 'resolved',
          provider: s.provider,
          startedAtMs: s.startedAtMs,
          endedAtMs: s.endedAtMs,
          updatedAtMs: s.endedAtMs ?? s.startedAtMs,
          json: JSON.stringify(documentOf(s)),
        },
        event: { kind: 'opened', atMs: s.startedAtMs, summary: 'opened' },
        updates: s.drafts.flatMap((stage) => [
          {
            stage,
            voice: 'public' as const,
            text: draftText(s.id, stage),
            draftedAtMs: s.startedAtMs,
          },
          { stage, voice: 'internal' as const, text: SECRET.internal, draftedAtMs: s.startedAtMs },
        ]),
      });
    },
    publish: (id, stage, body = {}) =>
      fetch(`${base}/v1/incidents/${encodeURIComponent(id)}/updates/${stage}/publish`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    close: async () => {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
