// The three official SDKs through the gateway with only a base-URL change, against the fake
// provider: with failover off the caller sees what going direct shows; with failover on and a
// healthy backup the caller gets the backup's answer, and the answer says so.
import { classify } from '@faultline/core';
import { startFakeProvider, type FaultRule } from '@faultline/fake-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { APIS, fakeBase, startRig, type Api, type Rig } from './gateway-rig.js';
import { callSdk, KEY, PROMPT } from './sdk-clients.js';

const SEED = 7;
let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** The same call made directly to a fresh fake seeded as the rig's, with the same faults. */
async function direct(api: Api, stream: boolean, faults: readonly FaultRule[] = []) {
  const twin = await startFakeProvider({ seed: SEED, faults });
  try {
    return await callSdk(api, fakeBase(twin, api), stream);
  } finally {
    await twin.close();
  }
}

function expectClean(r: Rig): void {
  expect(r.records.every((rec) => rec.source === 'gateway')).toBe(true);
  const text = JSON.stringify(r.records);
  expect(text).not.toContain(KEY);
  expect(text).not.toContain(PROMPT);
}

const OFF_FAULTS: Record<string, FaultRule> = {
  overload: { fault: { kind: 'overload' } },
  'status 500': { fault: { kind: 'status', status: 500 } },
  'reset before headers': { fault: { kind: 'reset' } },
  'stream error after 3 tokens': { stream: true, fault: { kind: 'stream_error', afterTokens: 3 } },
};

const ON_FAULTS: Record<string, FaultRule> = {
  overload: { fault: { kind: 'overload' } },
  'status 500': { fault: { kind: 'status', status: 500 } },
  'reset before headers': { fault: { kind: 'reset' } },
  'empty output': { fault: { kind: 'empty' } },
  'stream error before content': { stream: true, fault: { kind: 'stream_error', afterTokens: 0 } },
};

describe.each(APIS)('%s SDK through the gateway', (api) => {
  describe.each([false, true])('stream: %s', (stream) => {
    it('answers as going direct does, naming the target', async () => {
      rig = await startRig([], SEED);
      const seen = await callSdk(api, `${rig.url}/on/${api}`, stream);
      expect(seen.outcome.ok).toBe(true);
      expect(seen.outcome).toEqual((await direct(api, stream)).outcome);
      expect([seen.target, seen.attempts]).toEqual([`${api}-primary`, '1']);
      expect(rig.records).toHaveLength(1);
      expect(classify(rig.records[0]!).layer).toBe('none');
      expectClean(rig);
    });

    for (const [name, rule] of Object.entries(OFF_FAULTS)) {
      if (rule.stream === true && !stream) continue;
      it(`with failover off, shows a ${name} exactly as direct`, async () => {
        rig = await startRig([rule], SEED);
        const seen = await callSdk(api, `${rig.url}/off/${api}`, stream);
        expect(seen.outcome.ok).toBe(false);
        expect(seen.outcome).toEqual((await direct(api, stream, [rule])).outcome);
        expect(rig.backup.requestCount).toBe(0);
        expect(rig.records).toHaveLength(1);
        expect(classify(rig.records[0]!).layer).not.toBe('none');
        expectClean(rig);
      });
    }

    for (const [name, rule] of Object.entries(ON_FAULTS)) {
      if (rule.stream === true && !stream) continue;
      it(`with failover on, answers from the backup after a ${name}`, async () => {
        rig = await startRig([rule], SEED);
        const seen = await callSdk(api, `${rig.url}/on/${api}`, stream);
        expect(seen.outcome.ok).toBe(true);
        expect(seen.outcome).toEqual((await direct(api, stream)).outcome);
        expect([seen.target, seen.attempts]).toEqual([`${api}-backup`, '2']);
        expect(rig.records.map((r) => r.attempt)).toEqual([1, 2]);
        expect(classify(rig.records[0]!).layer).not.toBe('none');
        expect(classify(rig.records[1]!).layer).toBe('none');
        expectClean(rig);
      });
    }
  });
});
