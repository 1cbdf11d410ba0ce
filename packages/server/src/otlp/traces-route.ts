/** `POST /v1/traces`: OTLP/HTTP trace export in, call records out (spec/server-api.md). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallRecord } from '@faultline/core';
import { decodeTraceRequest, type OtlpEncoding } from './decode-trace-request.js';
import { readBody } from './read-body.js';
import { traceRecords } from './trace-records.js';
import { CONTENT_TYPES, exportResponseBody, statusBody } from './trace-response.js';

/** 10 MiB of decompressed body: below the OTLP-recommended 64 MiB, far above an SDK batch. */
export const DEFAULT_MAX_TRACE_BODY_BYTES = 10 * 1024 * 1024;

/** What the route needs from the composition root. */
export interface TracesRouteOptions {
  /** Commits the records; the route answers only after it resolves (503 when it rejects). */
  readonly ingestRecords: (records: readonly CallRecord[]) => Promise<void>;
  /** Largest body accepted after decompression; default `DEFAULT_MAX_TRACE_BODY_BYTES`. */
  readonly maxBodyBytes?: number;
}

/** A `node:http` handler; it never rejects. */
export type TracesHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function encodingOf(contentType: string | undefined): OtlpEncoding | undefined {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (media === 'application/json') return 'json';
  if (media === 'application/x-protobuf') return 'protobuf';
  return undefined;
}

function send(res: ServerResponse, status: number, encoding: OtlpEncoding, body: Uint8Array): void {
  res.writeHead(status, { 'content-type': CONTENT_TYPES[encoding], 'content-length': body.length });
  res.end(body);
}

function fail(res: ServerResponse, status: number, encoding: OtlpEncoding, message: string): void {
  send(res, status, encoding, statusBody(encoding, status, message));
}

/**
 * Creates the `/v1/traces` handler: `application/json` or `application/x-protobuf`, optionally
 * gzipped. GenAI client spans become call records; other spans are ignored; a GenAI span that
 * cannot become a valid record is counted in `partialSuccess.rejectedSpans`. Token checks are the
 * caller's (the `ingest` role).
 *
 * @example
 * const traces = createTracesRoute({ ingestRecords: (records) => store.insertRecords(records) });
 * http.createServer((req, res) => void traces(req, res)).listen(4318, '127.0.0.1');
 */
export function createTracesRoute(opts: TracesRouteOptions): TracesHandler {
  const maxBytes = opts.maxBodyBytes ?? DEFAULT_MAX_TRACE_BODY_BYTES;
  return async (req, res) => {
    const encoding = encodingOf(req.headers['content-type']);
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return fail(res, 405, encoding ?? 'json', 'use POST');
    }
    if (encoding === undefined) {
      return fail(res, 415, 'json', 'use application/json or application/x-protobuf');
    }
    const contentEncoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (!['identity', 'gzip', 'x-gzip'].includes(contentEncoding)) {
      return fail(res, 415, encoding, `content-encoding ${contentEncoding} is not supported`);
    }
    const read = await readBody(req, { maxBytes, gzip: contentEncoding !== 'identity' });
    if (!read.ok) {
      if (read.problem === 'aborted') return void res.destroy();
      if (read.problem === 'bad_gzip') return fail(res, 400, encoding, 'the body is not gzip');
      res.setHeader('connection', 'close'); // the rest of the body is never read
      return fail(res, 413, encoding, `the body is over ${maxBytes} bytes after decompression`);
    }
    const decoded = decodeTraceRequest(encoding, read.body);
    if (!decoded.ok) return fail(res, 400, encoding, decoded.message);
    const result = traceRecords(decoded.request);
    if (result.records.length > 0) {
      try {
        await opts.ingestRecords(result.records);
      } catch {
        // Retryable for OTLP clients (429/502/503/504), who honour Retry-After.
        res.setHeader('retry-after', '1');
        return fail(res, 503, encoding, 'the store cannot write now; retry');
      }
    }
    const message = result.rejections.join('; ');
    send(res, 200, encoding, exportResponseBody(encoding, result.rejectedSpans, message));
  };
}
