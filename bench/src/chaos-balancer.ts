/**
 * The chaos run's load balancer, as the `fetch` of each SDK batch sink: requests go round robin
 * to the replicas, and one refused at connect (nothing was sent) goes on to the next replica, as a
 * proxy's "next upstream" does. Any other failure, and every answer (503 included), is the
 * sink's to handle: it resends under the same Idempotency-Key. The answers are noted in the
 * AckLog: a 2xx acknowledges the batch's records but the rejected lines.
 */
import type { AckLog } from './chaos-acks.js';

interface IngestAnswer {
  readonly rejected?: readonly { readonly line?: unknown }[];
  readonly duplicate?: unknown;
}

function refusedAtConnect(e: unknown): boolean {
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  return cause?.code === 'ECONNREFUSED';
}

/** A fetch spreading requests over `replicaUrls` (base URLs); the path of each request is kept. */
export function balancedFetch(replicaUrls: readonly string[], acks: AckLog): typeof fetch {
  let next = 0;
  const send = async (path: string, init: RequestInit | undefined): Promise<Response> => {
    for (let tries = 0; ; tries++) {
      const replica = next++ % replicaUrls.length;
      const startMs = Date.now();
      let res: Response;
      try {
        res = await fetch(`${replicaUrls[replica]!}${path}`, init);
      } catch (e: unknown) {
        if (refusedAtConnect(e) && tries < replicaUrls.length - 1) continue;
        acks.networkFailures++;
        throw e;
      }
      acks.posts.push({ startMs, ms: Date.now() - startMs, status: res.status, replica });
      if (res.status >= 200 && res.status < 300) await noteAcks(res.clone(), init, acks);
      return res;
    }
  };
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return send(`${url.pathname}${url.search}`, init);
  };
}

async function noteAcks(res: Response, init: RequestInit | undefined, acks: AckLog): Promise<void> {
  const answer = (await res.json()) as IngestAnswer;
  const rejected = new Set((answer.rejected ?? []).map((r) => Number(r.line)));
  acks.rejected += rejected.size;
  if (answer.duplicate === true) acks.duplicateAnswers++;
  if (typeof init?.body !== 'string') throw new Error('the chaos sinks send uncompressed text');
  acks.ackBody(init.body, rejected);
}
