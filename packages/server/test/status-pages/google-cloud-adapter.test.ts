// The google-cloud adapter (incidents.json filtered by product id) against a real local server serving the reference fixtures and variants.
import { describe, expect, it } from 'vitest';
import { usePageServer, readings } from './adapter-harness.js';
import { fixture } from './page-server.js';

const page = usePageServer();
const read = page.read;

describe('google-cloud adapter', () => {
  it('filters incidents.json by the Vertex Gemini product ids and ignores other products', async () => {
    const r = readings(
      await read('google-cloud', '/incidents.json', fixture('gcloud-incidents.json')),
    );
    expect(r).toEqual([
      {
        component: 'Vertex Gemini API',
        componentId: 'Z0FZJAMvEB4j3NbCJs6B',
        status: 'partial_outage',
        incident:
          '[COMPOSED FIXTURE] Elevated error rates for Gemini requests on Vertex AI in us-central1',
        incidentId: 'EXMPLgcpInc0000000001',
        pageStartedAt: '2026-10-14T13:40:00+00:00',
        pagePostedAt: '2026-10-14T14:22:18+00:00',
        pageUpdatedAt: '2026-10-14T14:58:03+00:00',
      },
      expect.objectContaining({ componentId: 'sdXM79fz1FS6ekNpu37K', status: 'partial_outage' }),
    ]);
  });

  it('reads an outage, and a resolved incident as operational', async () => {
    const list = JSON.parse(fixture('gcloud-incidents.json')) as Record<string, unknown>[];
    const open = list[0]!;
    const outage = JSON.stringify([
      {
        ...open,
        status_impact: 'SERVICE_OUTAGE',
        most_recent_update: { status: 'SERVICE_OUTAGE' },
      },
    ]);
    expect(readings(await read('google-cloud', '/incidents.json', outage))[0]?.status).toBe(
      'major_outage',
    );
    const resolved = JSON.stringify([
      { ...open, end: '2026-10-14T16:00:00+00:00', most_recent_update: { status: 'AVAILABLE' } },
    ]);
    expect(readings(await read('google-cloud', '/incidents.json', resolved))[0]).toMatchObject({
      status: 'operational',
      incident: null,
    });
  });

  it('marks an object where an array was expected as a schema miss', async () => {
    const r = await read('google-cloud', '/incidents.json', '{"incidents":[]}');
    expect(r).toMatchObject({ kind: 'unknown', reason: 'schema' });
  });
});
