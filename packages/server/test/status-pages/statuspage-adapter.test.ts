// The statuspage adapter (Atlassian v2 summary.json) against a real local server serving the reference fixtures and variants.
import { describe, expect, it } from 'vitest';
import { usePageServer, readings, edit, JSON_TYPE } from './adapter-harness.js';
import { fixture } from './page-server.js';

const page = usePageServer();
const read = page.read;

describe('statuspage adapter', () => {
  it('reads every component operational from the healthy summary', async () => {
    const r = await read(
      'statuspage',
      '/api/v2/summary.json',
      fixture('statuspage-summary-healthy.json'),
    );
    expect(readings(r).map((c) => [c.component, c.status, c.incident])).toEqual([
      ['API', 'operational', null],
      ['Messages API (api.example.com)', 'operational', null],
      ['Batch API', 'operational', null],
      ['Console (console.example.com)', 'operational', null],
    ]);
  });

  it('ties the open incident to its components and keeps the page times apart', async () => {
    const r = await read(
      'statuspage',
      '/api/v2/summary.json',
      fixture('statuspage-summary-degraded.json'),
    );
    const messages = readings(r).find((c) => c.componentId === 'exmplcmp0001');
    expect(messages).toMatchObject({
      status: 'degraded_performance',
      incident: 'Elevated error rates on the Messages API',
      incidentId: 'exmplinc0042',
      pageStartedAt: '2026-10-14T13:52:00.000Z',
      pagePostedAt: '2026-10-14T14:09:11.860Z',
      pageUpdatedAt: '2026-10-14T14:09:12.441Z',
    });
    expect(readings(r).find((c) => c.component === 'Streaming responses')?.status).toBe(
      'partial_outage',
    );
    expect(readings(r).find((c) => c.componentId === 'exmplcmp0003')?.incident).toBeNull();
  });

  it('reads a major outage and an in-progress maintenance', async () => {
    const body = edit(fixture('statuspage-summary-healthy.json'), (doc) => {
      const [, messages, batch] = doc['components'] as Record<string, unknown>[];
      if (messages === undefined || batch === undefined) throw new Error('fixture changed');
      messages['status'] = 'major_outage';
      batch['status'] = 'under_maintenance';
      doc['scheduled_maintenances'] = [
        {
          id: 'm1',
          name: 'Batch <b>queue</b> move',
          status: 'in_progress',
          components: [{ id: 'exmplcmp0002' }],
        },
      ];
    });
    const r = readings(await read('statuspage', '/api/v2/summary.json', body));
    expect(r.find((c) => c.componentId === 'exmplcmp0001')?.status).toBe('major_outage');
    expect(r.find((c) => c.componentId === 'exmplcmp0002')).toMatchObject({
      status: 'under_maintenance',
      // JSON text is text: what looks like markup is kept, and escaped wherever it is shown.
      incident: 'Batch <b>queue</b> move',
    });
  });

  it('polls the configured URL as is when it names a document', async () => {
    const r = await read(
      'statuspage',
      '/custom/summary.json',
      fixture('statuspage-summary-healthy.json'),
      JSON_TYPE,
      `${page.url()}/custom/summary.json`,
    );
    expect(readings(r)).toHaveLength(4);
  });

  it('marks an unknown component status word as a schema miss, not as degraded', async () => {
    const body = edit(fixture('statuspage-summary-healthy.json'), (doc) => {
      (doc['components'] as Record<string, unknown>[])[1]!['status'] = 'Affected';
    });
    const r = await read('statuspage', '/api/v2/summary.json', body);
    expect(r).toMatchObject({ kind: 'unknown', reason: 'schema' });
  });

  it('marks the resolved-incidents list (a different document) as a schema miss', async () => {
    const r = await read(
      'statuspage',
      '/api/v2/summary.json',
      fixture('statuspage-incidents-resolved.json'),
    );
    expect(r).toMatchObject({ kind: 'unknown', reason: 'schema' });
  });
});
