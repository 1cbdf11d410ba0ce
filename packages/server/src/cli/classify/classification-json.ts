/** Writes a record back as JSON with its `classification` added, reusing the input text. */
import type { CallRecord, Classification } from '@faultline/core';

const cache = new Map<Classification, string>();

function classificationJson(c: Classification): string {
  let json = cache.get(c);
  if (json === undefined) {
    json = JSON.stringify({
      layer: c.layer,
      reason: c.reason,
      owner: c.owner,
      retryable: c.retryable,
    });
    cache.set(c, json);
  }
  return json;
}

/**
 * The input line with `"classification":{…}` added as the last field. The record's own text is
 * kept byte for byte (unknown fields, number forms); only a record that already has a
 * `classification` field is re-serialized, so the added one is the only one.
 */
export function withClassification(
  line: string,
  record: CallRecord,
  classification: Classification,
): string {
  const json = classificationJson(classification);
  const close = line.lastIndexOf('}');
  if (close === -1 || Object.hasOwn(record, 'classification')) {
    return JSON.stringify({ ...record, classification: JSON.parse(json) as unknown });
  }
  return `${line.slice(0, close)},"classification":${json}}`;
}
