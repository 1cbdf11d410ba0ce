import { describe, expect, it } from 'vitest';
import type { FetchInit, FetchInput } from './fetch-types.js';
import { requestHeader, requestHeaders } from './headers.js';

const NAMES = ['x-api-key', 'authorization', 'x-stainless-retry-count', 'absent'];

const cases: Array<[string, FetchInput, FetchInit]> = [
  ['a record', 'https://h/x', { headers: { 'X-Api-Key': 'k1', authorization: 'Bearer t' } }],
  ['a Headers object', 'https://h/x', { headers: new Headers({ 'x-api-key': 'k2' }) }],
  [
    'pairs, the first occurrence deciding',
    'https://h/x',
    {
      headers: [
        ['x-api-key', 'first'],
        ['X-API-KEY', 'second'],
        ['authorization', 'a'],
      ],
    },
  ],
  [
    'a Request, its headers under the init ones',
    new Request('https://h/x', { headers: { authorization: 'from-request', 'x-api-key': 'r' } }),
    { headers: { 'x-api-key': 'from-init' } },
  ],
  ['no headers at all', 'https://h/x', undefined],
];

describe('requestHeaders', () => {
  it.each(cases)('reads %s as requestHeader reads each name', (_name, input, init) => {
    expect(requestHeaders(input, init, NAMES)).toEqual(
      NAMES.map((n) => requestHeader(input, init, n)),
    );
  });
});
