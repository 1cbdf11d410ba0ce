// Fuzzed status-page documents of every kind: parsers never throw, a schema miss is `unknown`, never a status.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPONENT_STATUSES } from '@faultline/core';
import { googleCloudFormat } from '../../src/status-pages/formats/google-cloud.js';
import { incidentioFormat } from '../../src/status-pages/formats/incidentio.js';
import { rssFormat } from '../../src/status-pages/formats/rss.js';
import { statuspageFormat } from '../../src/status-pages/formats/statuspage.js';
import { createStatusSource, type StatusPageEntry } from '../../src/status-pages/index.js';
import type { PageFormat } from '../../src/status-pages/page-format.js';
import { fuzzParams } from './fuzz-params.js';

const NOW = Date.UTC(2026, 10, 22, 4, 0);
const KINDS: ReadonlyArray<readonly [StatusPageEntry['kind'], PageFormat]> = [
  ['statuspage', statuspageFormat],
  ['incidentio', incidentioFormat],
  ['google-cloud', googleCloudFormat],
  ['rss', rssFormat],
];

/** Any document text: JSON of any shape, feed-like markup, or plain text. */
const anyText = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        '<rss>',
        '<feed>',
        '<item>',
        '</item>',
        '<entry>',
        '</entry>',
        '<title>',
        '</title>',
        '<pubDate>',
        '</pubDate>',
        'Mon, 01 Jan 2026 00:00:00 GMT',
        '&amp;',
        '&#x0;',
        '&#99999999;',
        '<![CDATA[',
        ']]>',
        'x',
      ),
      { maxLength: 30 },
    )
    .map((p) => p.join('')),
);

/** A Statuspage `summary.json` with its components, and one of them made a schema miss. */
const summary = fc.array(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 8 }),
    name: fc.string({ maxLength: 12 }),
    status: fc.constantFrom(...COMPONENT_STATUSES),
  }),
  { minLength: 1, maxLength: 5 },
);
const MISSES: ReadonlyArray<(c: Record<string, unknown>) => Record<string, unknown>> = [
  (c) => ({ ...c, status: 'degraded' }),
  (c) => ({ ...c, status: undefined }),
  (c) => ({ ...c, id: 7 }),
  (c) => ({ ...c, name: null }),
  (c) => ({ ...c, status: 'MAJOR_OUTAGE' }),
];

type Component = Record<string, unknown>;
/** Each JSON kind's document listing `components`, in that kind's words for their status. */
const documents: ReadonlyArray<
  readonly [StatusPageEntry['kind'], (cs: Component[]) => unknown, boolean]
> = [
  ['statuspage', (cs) => ({ page: { id: 'p' }, components: cs }), true],
  [
    'incidentio',
    (cs) => ({
      summary: {
        structure: { items: [] },
        affected_components: cs.map((c) => ({
          component_id: c.id,
          status: c.status === 'major_outage' ? 'full_outage' : c.status,
        })),
      },
    }),
    false,
  ],
  [
    'google-cloud',
    (cs) =>
      cs.map((c) => ({
        id: c.id,
        external_desc: 'x',
        status_impact: GOOGLE_WORD[String(c.status)] ?? c.status,
        affected_products: [],
      })),
    false,
  ],
];
const GOOGLE_WORD: Readonly<Record<string, string>> = {
  operational: 'AVAILABLE',
  degraded_performance: 'SERVICE_INFORMATION',
  under_maintenance: 'SERVICE_INFORMATION',
  partial_outage: 'SERVICE_DISRUPTION',
  major_outage: 'SERVICE_OUTAGE',
};

/** What the source makes of `text` served as the kind's document, through its real parse path. */
async function readAs(kind: StatusPageEntry['kind'], text: string) {
  const type = kind === 'rss' ? 'application/rss+xml' : 'application/json';
  const source = createStatusSource({
    entry: { kind, url: 'http://127.0.0.1:9/status' },
    // An injected fetch (a fake, not a mock): the page's bytes as a server would send them.
    fetch: () => Promise.resolve(new Response(text, { headers: { 'content-type': type } })),
    now: () => NOW,
  });
  return source.read({});
}

describe('status page fuzz', () => {
  it.each(KINDS)(
    '%s: never throws on any text, and every reading is a known status',
    (_kind, format) => {
      fc.assert(
        fc.property(anyText, (text) => {
          const outcome = format.parse(text, NOW);
          if (!outcome.ok) {
            expect(outcome.detail).toMatch(/\S/);
            return;
          }
          for (const r of outcome.readings) {
            expect(COMPONENT_STATUSES).toContain(r.status);
            expect(r.component).toBeTypeOf('string');
          }
        }),
        fuzzParams(800, 1450),
      );
    },
  );

  it('reads each Statuspage component status as written', async () => {
    await fc.assert(
      fc.asyncProperty(summary, async (components) => {
        const result = await readAs(
          'statuspage',
          JSON.stringify({ page: { id: 'p' }, components }),
        );
        expect(result.kind).toBe('read');
        if (result.kind === 'read')
          expect(result.readings.map((r) => r.status)).toEqual(components.map((c) => c.status));
      }),
      fuzzParams(200, 1451),
    );
  });

  it('answers unknown, never a status, when any component misses the schema', async () => {
    await fc.assert(
      fc.asyncProperty(summary, fc.nat(), fc.nat(MISSES.length - 1), async (components, at, m) => {
        const broken = components.map((c, i) => (i === at % components.length ? MISSES[m]!(c) : c));
        for (const [kind, doc, usesName] of documents) {
          expect((await readAs(kind, JSON.stringify(doc(components)))).kind).toBe('read');
          // Only Statuspage reads a component's name; the others read ids and statuses only.
          if (m === 3 && !usesName) continue;
          const result = await readAs(kind, JSON.stringify(doc(broken)));
          expect(result).toMatchObject({ kind: 'unknown', reason: 'schema' });
        }
      }),
      fuzzParams(200, 1452),
    );
  });

  it('answers unknown for any JSON that is no document of the kind, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KINDS), anyText, async ([kind, format], text) => {
        const result = await readAs(kind, text);
        const parsed = format.parse(text, NOW);
        if (!parsed.ok) expect(result.kind).toBe('unknown');
      }),
      fuzzParams(400, 1453),
    );
  });
});
