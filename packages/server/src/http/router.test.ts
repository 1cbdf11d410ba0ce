import { describe, expect, it } from 'vitest';
import type { Route } from './route.js';
import { allows } from './route.js';
import { createRouter } from './router.js';
import { bearerToken } from './token-hash.js';
import { TokenCache } from './token-cache.js';

const route = (method: Route['method'], path: string): Route => ({
  method,
  path,
  access: 'read',
  handle: () => undefined,
});
const routes = [
  route('GET', '/v1/incidents'),
  route('GET', '/v1/incidents/:id'),
  route('POST', '/v1/incidents/:id/updates/:stage/publish'),
];
const match = createRouter(routes);

describe('createRouter', () => {
  it.each([
    ['GET', '/v1/incidents', 'found', {}],
    ['HEAD', '/v1/incidents', 'found', {}],
    ['GET', '/v1/incidents/inc%201', 'found', { id: 'inc 1' }],
    [
      'POST',
      '/v1/incidents/a/updates/monitoring/publish',
      'found',
      { id: 'a', stage: 'monitoring' },
    ],
    ['POST', '/v1/incidents', 'method_not_allowed', undefined],
    ['GET', '/v1/incidents/', 'not_found', undefined],
    ['GET', '/v1/incidents/%E0%A4%A', 'not_found', undefined],
    ['GET', '/v1/incidents/a/b', 'not_found', undefined],
  ])('%s %s → %s', (method, path, kind, params) => {
    const m = match(method, path);
    expect(m.kind).toBe(kind);
    if (m.kind === 'found') expect(m.params).toEqual(params);
  });

  it('refuses two routes for one method and path', () => {
    expect(() => createRouter([route('GET', '/x'), route('GET', '/x')])).toThrow(/two routes/);
  });
});

describe('roles', () => {
  it.each([
    ['admin', 'ingest', true],
    ['admin', 'read', true],
    ['ingest', 'ingest', true],
    ['ingest', 'read', false],
    ['read', 'ingest', false],
    ['read', 'admin', false],
    ['read', 'public', true],
  ] as const)('%s may call a %s route: %s', (role, access, ok) => {
    expect(allows(role, access)).toBe(ok);
  });

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer  abc ', 'abc'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
  ])('reads %j as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('TokenCache', () => {
  it('forgets an entry after its time and the oldest when full', () => {
    const cache = new TokenCache<string>(100, 2);
    cache.set('a', 'A', 0);
    cache.set('b', 'B', 10);
    expect(cache.get('a', 99)).toBe('A');
    expect(cache.get('a', 100)).toBeUndefined();
    cache.set('c', 'C', 20);
    cache.set('d', 'D', 20);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 21)).toBeUndefined();
    expect(cache.get('d', 21)).toBe('D');
  });
});
