/** All the call records of a decoded trace export, with the spans that could not become one. */
import type { CallRecord } from '@faultline/core';
import { isGenAiCallSpan } from './genai-span.js';
import type { TraceRequest } from './otlp-span.js';
import { spanToRecord } from './span-to-record.js';

/** What a request yielded. Spans that are not GenAI calls are `ignored`, not rejected. */
export interface TraceRecords {
  readonly records: readonly CallRecord[];
  readonly rejectedSpans: number;
  readonly ignoredSpans: number;
  /** Why the first few were rejected (`span <id>: <reason>`); empty when none was. */
  readonly rejections: readonly string[];
}

/** How many rejection reasons are kept for the response's `errorMessage`. */
const MAX_REASONS = 5;

/**
 * Maps every GenAI client span of a request to a call record (`app` from the resource's
 * `service.name`).
 *
 * @example
 * const { records, rejectedSpans } = traceRecords(decoded.request);
 */
export function traceRecords(request: TraceRequest): TraceRecords {
  const records: CallRecord[] = [];
  const rejections: string[] = [];
  let rejectedSpans = 0;
  let ignoredSpans = 0;
  for (const { resource, spans } of request.resourceSpans) {
    for (const span of spans) {
      if (!isGenAiCallSpan(span)) {
        ignoredSpans += 1;
        continue;
      }
      const result = spanToRecord(span, resource);
      if (result.ok) {
        records.push(result.record);
        continue;
      }
      rejectedSpans += 1;
      if (rejections.length < MAX_REASONS) {
        rejections.push(`span ${span.spanId || '(no id)'}: ${result.reason}`);
      }
    }
  }
  return { records, rejectedSpans, ignoredSpans, rejections };
}
