/** A record's JSON as stored: the text as ingested with its `classification` added. */
import type { Classification } from '@faultline/core';

const cache = new Map<Classification, string>();

/** `classify` hands out shared frozen objects, so each one's JSON is written once. */
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
 * The line with `"classification":{…}` added as its last field, the record's own text kept
 * byte for byte (unknown fields, number forms). A record that already has a `classification`
 * is re-serialised, so the added one is the only one. Same rule as `faultline classify --json`.
 */
export function withClassification(
  line: string,
  record: object,
  classification: Classification,
): string {
  const json = classificationJson(classification);
  const close = line.lastIndexOf('}');
  if (close === -1 || Object.hasOwn(record, 'classification')) {
    return JSON.stringify({ ...record, classification: JSON.parse(json) as unknown });
  }
  return `${line.slice(0, close)},"classification":${json}}`;
}
