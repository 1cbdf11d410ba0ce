/** The verdict grid: a row per provider and its models, a column per layer, states in words. */
import { h, type ComponentChild } from 'preact';
import type { Incident, ProviderHealth } from './api.js';
import { tableScroll } from './table-scroll.js';

/** The layers a failure can sit in, left to right as the on-call engineer reads them. */
export const GRID_LAYERS = ['integration', 'network', 'provider', 'model'] as const;

function covering(
  open: readonly Incident[],
  provider: string,
  model: string | undefined,
  layer: string,
): Incident[] {
  return open.filter(
    (i) =>
      i.layer === layer &&
      (i.provider === null || i.provider === provider) &&
      (model === undefined || i.scope !== 'model' || i.models.includes(model)),
  );
}

/** A mark beside the words, so a state reads at a glance without colour; screen readers skip it. */
const glyph = (mark: string): ComponentChild => h('span', { 'aria-hidden': 'true' }, `${mark} `);

function layerCell(hits: readonly Incident[]): ComponentChild {
  const first = hits[0];
  if (first === undefined) return h('td', { class: 'cell ok' }, [glyph('✓'), 'ok']);
  return h(
    'td',
    { class: 'cell failing' },
    h('a', { href: `/incidents/${encodeURIComponent(first.id)}` }, [
      glyph('✗'),
      `failing: ${first.reason}`,
    ]),
  );
}

function stateText(state: string): ComponentChild {
  const mark = state === 'ok' ? '✓' : state === 'down' ? '✗' : '!';
  return h('span', { class: `state ${state === 'ok' || state === 'down' ? state : 'degraded'}` }, [
    glyph(mark),
    state,
  ]);
}

/** The grid over `/v1/health` and the open incidents. */
export function VerdictGrid(props: {
  providers: readonly ProviderHealth[];
  open: readonly Incident[];
}): ComponentChild {
  const rows: ComponentChild[] = [];
  for (const p of props.providers) {
    const page =
      p.status_page === null
        ? 'none configured'
        : `${p.status_page.component === '' ? 'page' : p.status_page.component}: ${p.status_page.status.replaceAll('_', ' ')}${p.status_page.error === undefined ? '' : ` (${p.status_page.error})`}`;
    rows.push(
      h('tr', { class: 'provider-row', 'data-provider': p.provider }, [
        h('th', { scope: 'row' }, p.provider),
        h('td', null, stateText(p.state)),
        ...GRID_LAYERS.map((l) => layerCell(covering(props.open, p.provider, undefined, l))),
        h(
          'td',
          null,
          page,
          p.status_page?.incident
            ? h('div', { class: 'page-incident' }, p.status_page.incident)
            : null,
        ),
        h('td', null, '—'),
      ]),
    );
    for (const m of p.models)
      rows.push(
        h('tr', { class: 'model-row', 'data-model': m.model }, [
          h('th', { scope: 'row', class: 'model' }, m.model),
          h(
            'td',
            null,
            stateText(m.state),
            h(
              'span',
              { class: 'share' },
              ` ${(m.failure_share_1m * 100).toFixed(1)}% of ${m.calls_1m} failed`,
            ),
          ),
          ...GRID_LAYERS.map((l) => layerCell(covering(props.open, p.provider, m.model, l))),
          h('td', null, ''),
          h('td', null, `breaker ${m.breaker.replace('_', '-')}`),
        ]),
      );
  }
  const table = h('table', { class: 'grid' }, [
    h(
      'caption',
      { id: 'grid-caption' },
      'Verdict now, per provider and model; each layer says ok or failing',
    ),
    h(
      'thead',
      null,
      h('tr', null, [
        h('th', { scope: 'col' }, 'Provider / model'),
        h('th', { scope: 'col' }, 'State'),
        ...GRID_LAYERS.map((l) => h('th', { scope: 'col' }, l)),
        h('th', { scope: 'col' }, 'Status page'),
        h('th', { scope: 'col' }, 'Breaker'),
      ]),
    ),
    h(
      'tbody',
      null,
      rows.length > 0 ? rows : h('tr', null, h('td', { colSpan: 8 }, 'No traffic seen yet.')),
    ),
  ]);
  return tableScroll('grid-caption', table);
}
