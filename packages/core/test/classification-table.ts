// Table-driven classification tests: each row names the taxonomy row it comes from.
import { expect, it } from 'vitest';
import { classify, type CallRecord } from '../src/index.js';

/** [taxonomy row, record fields, expected "layer/reason" or "layer/reason/owner", retryable?] */
export type Row = readonly [
  source: string,
  fields: Partial<CallRecord>,
  expected: string,
  retryable?: boolean,
];

/** Runs each row through `classify` for one provider. */
export function classifiesEach(providerId: string, rows: readonly Row[]): void {
  for (const [source, fields, expected, retryable] of rows) {
    it(source, () =>
      expectVerdict({ ts: 0, provider: providerId, model: 'm', ...fields }, expected, retryable),
    );
  }
}

function expectVerdict(record: CallRecord, expected: string, retryable: boolean | undefined): void {
  {
    const got = classify(record);
    const [layer, reason, owner] = expected.split('/');
    expect(`${got.layer}/${got.reason}`).toBe(`${layer}/${reason}`);
    if (owner !== undefined) expect(got.owner).toBe(owner);
    if (retryable !== undefined) expect(got.retryable).toBe(retryable);
  }
}
