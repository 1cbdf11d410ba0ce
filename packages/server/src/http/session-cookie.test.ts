import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { credentialOf, sessionToken } from './session-cookie.js';

function req(method: string, headers: Record<string, string>): IncomingMessage {
  return { method, headers } as unknown as IncomingMessage;
}

describe('sessionToken', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['other=1', undefined],
    ['faultline_session=', undefined],
    ['a=b; faultline_session=t%2Fok; c=d', 't/ok'],
    ['faultline_session=%E0%A4%A', undefined],
    ['xfaultline_session=t', undefined],
  ])('reads %j as %j', (cookie, token) => {
    expect(sessionToken(cookie)).toBe(token);
  });
});

describe('credentialOf', () => {
  const cookie = 'faultline_session=tok';
  it.each([
    ['GET', '/v1/health', { cookie }, 'Bearer tok'],
    ['GET', '/v1/health', { cookie, authorization: 'Bearer other' }, 'Bearer other'],
    ['GET', '/metrics', { cookie }, undefined],
    ['POST', '/v1/records', { cookie }, undefined],
    [
      'POST',
      '/v1/incidents/x/updates/resolved/publish',
      { cookie, 'x-faultline-dashboard': '1' },
      'Bearer tok',
    ],
    ['GET', '/v1/health', {}, undefined],
  ])('%s %s with %j authorises as %j', (method, path, headers, expected) => {
    expect(credentialOf(req(method, headers), path)).toBe(expected);
  });
});
