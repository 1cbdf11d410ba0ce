/** What the demo reads back from its server: incidents (server-api.md) and the ingest counter. */
import { z } from 'zod';

const evidenceSchema = z.object({ kind: z.string(), text: z.string() });

/** The incident fields the demo shows, as `GET /v1/incidents/{id}` and `/v1/events` give them. */
const incidentSchema = z.object({
  id: z.string(),
  layer: z.string(),
  reason: z.string(),
  owner: z.string(),
  scope: z.string(),
  provider: z.string().nullable(),
  models: z.array(z.string()),
  started_at: z.string(),
  detected_at: z.string(),
  resolved_at: z.string().nullable(),
  peak_error_rate: z.number(),
  affected_calls: z.number(),
  evidence: z.array(evidenceSchema),
});

const detailSchema = incidentSchema.extend({
  state: z.enum(['open', 'resolved']),
  updated_at: z.string(),
  updates: z.array(
    z.object({ stage: z.string(), voice: z.enum(['public', 'internal']), text: z.string() }),
  ),
});

/** An incident as a `/v1/events` entry carries it (diagnosis.md's incident object). */
export type FeedIncident = z.infer<typeof incidentSchema>;
/** An incident with its drafted updates, from `GET /v1/incidents/{id}`. */
export type IncidentDetail = z.infer<typeof detailSchema>;

/** Parses an `incident.*` event's data; throws when it is not an incident. */
export function parseFeedIncident(data: string): FeedIncident {
  return incidentSchema.parse(JSON.parse(data));
}

/** A client of one server with one `read` token. */
export class DemoApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** `GET /v1/incidents/{id}`. */
  async incident(id: string): Promise<IncidentDetail> {
    return detailSchema.parse(await this.#json(`/v1/incidents/${encodeURIComponent(id)}`));
  }

  /** Every incident's id, newest first (`GET /v1/incidents`, one page: the demo has few). */
  async incidentIds(): Promise<string[]> {
    const page = z
      .object({ incidents: z.array(z.object({ id: z.string() })) })
      .parse(await this.#json('/v1/incidents?limit=500'));
    return page.incidents.map((i) => i.id);
  }

  /** `faultline_records_ingested_total` by source (`sdk`, `probe`, `status`), from `GET /metrics`. */
  async recordsIngested(): Promise<ReadonlyMap<string, number>> {
    const text = await (await this.#get('/metrics')).text();
    const bySource = new Map<string, number>();
    for (const m of text.matchAll(
      /^faultline_records_ingested_total(?:\{[^}]*source="([^"]*)"[^}]*\})? (\S+)$/gm,
    ))
      bySource.set(m[1] ?? '', (bySource.get(m[1] ?? '') ?? 0) + Number(m[2]));
    return bySource;
  }

  async #json(path: string): Promise<unknown> {
    return (await this.#get(path)).json();
  }

  async #get(path: string): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`GET ${path} answered ${res.status}`);
    }
    return res;
  }
}
