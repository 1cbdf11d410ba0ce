// The incidentio adapter (widget summary and page proxy JSON) against a real local server serving the reference fixtures and variants.
import { describe, expect, it } from 'vitest';
import { usePageServer, readings, edit, JSON_TYPE } from './adapter-harness.js';
import { fixture } from './page-server.js';

const page = usePageServer();
const read = page.read;

describe('incidentio adapter', () => {
  it('reads the widget summary: affected components only, full_outage as major_outage', async () => {
    const body = edit(fixture('incidentio-widget-summary.json'), (doc) => {
      const [incident] = doc['ongoing_incidents'] as {
        affected_components: Record<string, unknown>[];
      }[];
      incident!.affected_components[1]!['current_status'] = 'full_outage';
    });
    const r = await read(
      'incidentio',
      '/api/v1/summary',
      body,
      JSON_TYPE,
      `${page.url()}/api/v1/summary`,
    );
    expect(r).toMatchObject({ kind: 'read', complete: false });
    expect(readings(r).map((c) => [c.component, c.status, c.incident])).toEqual([
      ['Chat Completions', 'partial_outage', 'Increased errors on Chat Completions'],
      ['Responses', 'major_outage', 'Increased errors on Chat Completions'],
    ]);
  });

  it('reads in-progress maintenances as under_maintenance', async () => {
    const body = edit(fixture('incidentio-widget-summary.json'), (doc) => {
      doc['ongoing_incidents'] = [];
      doc['in_progress_maintenances'] = [
        {
          id: 'mx',
          name: 'Fine-tuning migration',
          status: 'maintenance_in_progress',
          started_at: '2026-10-20T06:00:00Z',
          affected_components: [{ id: 'c7', name: 'Fine-tuning', current_status: 'operational' }],
        },
      ];
    });
    const r = readings(
      await read('incidentio', '/api/v1/summary', body, JSON_TYPE, `${page.url()}/api/v1/summary`),
    );
    expect(r).toEqual([
      expect.objectContaining({
        component: 'Fine-tuning',
        status: 'under_maintenance',
        pageStartedAt: '2026-10-20T06:00:00Z',
      }),
    ]);
  });

  it("reads the page's own proxy JSON at /proxy/<host> by default, listing every component", async () => {
    const host = new URL(page.url()).host;
    const body = JSON.stringify({
      summary: {
        structure: {
          items: [
            {
              group: {
                name: 'APIs',
                components: [
                  { component_id: 'C1', name: 'Chat Completions' },
                  { component_id: 'C2', name: 'Responses' },
                  { component_id: 'C9', name: 'Internal', hidden: true },
                ],
              },
            },
            { component: { component_id: 'C3', name: 'ChatGPT' } },
          ],
        },
        affected_components: [{ component_id: 'C1', status: 'full_outage' }],
        ongoing_incidents: [
          {
            id: 'I1',
            name: 'Chat Completions down',
            published_at: '2026-10-14T14:10:00Z',
            component_impacts: [{ component_id: 'C1', start_at: '2026-10-14T13:50:00Z' }],
          },
        ],
      },
    });
    const r = await read('incidentio', `/proxy/${host}`, body);
    expect(r).toMatchObject({ kind: 'read', complete: true });
    expect(readings(r)).toEqual([
      {
        component: 'Chat Completions',
        componentId: 'C1',
        status: 'major_outage',
        incident: 'Chat Completions down',
        incidentId: 'I1',
        pageStartedAt: '2026-10-14T13:50:00Z',
        pagePostedAt: '2026-10-14T14:10:00Z',
      },
      { component: 'Responses', componentId: 'C2', status: 'operational', incident: null },
      { component: 'ChatGPT', componentId: 'C3', status: 'operational', incident: null },
    ]);
  });

  it('marks a Statuspage document served where incident.io JSON was expected as a schema miss', async () => {
    const r = await read(
      'incidentio',
      '/api/v1/summary',
      fixture('statuspage-summary-healthy.json'),
      JSON_TYPE,
      `${page.url()}/api/v1/summary`,
    );
    expect(r).toMatchObject({ kind: 'unknown', reason: 'schema' });
  });
});
