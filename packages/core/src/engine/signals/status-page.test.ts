// Status pages: a degraded component of the incident's provider is evidence; its lag too.
import { describe, expect, it } from 'vitest';
import { evidence as item } from '../../diagnosis/index.js';
import { StatusBoard } from '../status-board.js';
import { statusEvidence, statusLag } from './status-page.js';

const T0 = Date.UTC(2026, 0, 1, 4, 12);

describe('status page', () => {
  it.each([
    {
      name: 'partial outage of the provider',
      provider: 'anthropic',
      status: 'partial_outage',
      kinds: ['status_page'],
    },
    { name: 'operational', provider: 'anthropic', status: 'operational', kinds: [] },
    { name: 'an unreadable page (unknown)', provider: 'anthropic', status: 'html', kinds: [] },
    { name: 'another provider degraded', provider: 'openai', status: 'major_outage', kinds: [] },
  ])('$name: $kinds', ({ provider, status, kinds }) => {
    const board = new StatusBoard();
    board.observe({ kind: 'status', provider, component: 'API', status } as never, T0);
    expect(statusEvidence(board, ['anthropic']).map((e) => e.kind)).toEqual(kinds);
  });

  it.each([
    { name: 'listed 17 min after our first failures', lagMin: 17, lag: true },
    { name: 'listed 5 min after', lagMin: 5, lag: true },
    { name: 'listed 2 min after', lagMin: 2, lag: false },
    { name: 'listed before our first failures', lagMin: -3, lag: false },
  ])('$name: lag $lag', ({ lagMin, lag }) => {
    const page = item('status_page', {
      provider: 'anthropic',
      component: 'API',
      status: 'partial_outage',
      since: new Date(T0 + lagMin * 60_000).toISOString(),
    });
    const found = statusLag(new Map([['status_page', page]]), T0);
    expect(found?.kind === 'status_lag').toBe(lag);
  });
});
