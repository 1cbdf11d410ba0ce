// A report keeps records' free text to call-record.md's 500 characters, so a client that posts
// long error pages cannot make the file hundreds of megabytes (or too long to serialise).
import { validateRecord, type FaultlineRecord } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { clipText, MAX_TEXT_CHARS, reportFields } from '../../src/cli/report/report-fields.js';

const T = Date.parse('2026-11-18T13:46:00Z');
function record(fields: Record<string, unknown>): FaultlineRecord {
  const result = validateRecord({ ts: T, provider: 'anthropic', ...fields });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.record;
}

describe('reportFields', () => {
  it('cuts a long error message and status title to 500 characters, keeping the rest whole', () => {
    const long = `Overloaded <html>${'x'.repeat(200_000)}</html>`;
    const call = reportFields(record({ model: 'm', http_status: 529, error_message: long }), T);
    expect(call.error_message).toBe(long.slice(0, MAX_TEXT_CHARS));
    expect(call).toMatchObject({ model: 'm', http_status: 529, kind: 'call' });
    const status = reportFields(
      record({ kind: 'status', component: 'API', status: 'major_outage', incident: long }),
      T,
    );
    expect(status.incident).toBe(long.slice(0, MAX_TEXT_CHARS));
    const short = reportFields(record({ model: 'm', error_message: 'Overloaded' }), T);
    expect(short.error_message).toBe('Overloaded');
  });

  it('never cuts between the two halves of a surrogate pair', () => {
    const text = `${'a'.repeat(MAX_TEXT_CHARS - 1)}😀tail`;
    const cut = clipText(text);
    expect(cut).toBe('a'.repeat(MAX_TEXT_CHARS - 1));
    expect(clipText(`${'a'.repeat(MAX_TEXT_CHARS - 2)}😀tail`)).toHaveLength(MAX_TEXT_CHARS);
  });
});
