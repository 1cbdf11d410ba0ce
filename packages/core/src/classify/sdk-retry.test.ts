import { describe, expect, it } from 'vitest';
import { sdkRetriesStatus } from './sdk-retry.js';

describe('sdkRetriesStatus', () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [529, true],
    [400, false],
    [401, false],
    [404, false],
    [413, false],
    [499, false],
  ])('%i → %s', (status, retried) => {
    expect(sdkRetriesStatus(status)).toBe(retried);
  });
});
