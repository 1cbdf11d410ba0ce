// Sustained ingest of a provider fault: concurrent clients, each resending its batch until answered.
import {
  makeBatch,
  sendUntilAnswered,
  type ClientTally,
  type UrlSource,
} from './resending-client.js';

/** Half the calls to this model fail with Anthropic's 529 overloaded_error: a provider incident. */
export const FAULTY = { provider: 'anthropic', model: 'claude-opus-4-7' } as const;

/** A record of the fault at `tsMs`: odd ones fail, even ones succeed. */
export function faultRecord(tsMs: number, i: number): Record<string, unknown> {
  return {
    ts: tsMs,
    ...FAULTY,
    source: 'sdk',
    duration_ms: 300,
    ...(i % 2 === 1 ? { http_status: 529, error_type: 'overloaded_error' } : { http_status: 200 }),
  };
}

/** Clients sending the fault until told to stop. */
export interface FaultTraffic {
  readonly tally: ClientTally;
  /** Batches answered so far (all clients). */
  answered(): number;
  /** Stops making new batches and resolves once every batch made was answered. */
  stop(): Promise<void>;
  /** Ends every loop at once, answered or not (a failed test's cleanup). */
  abandon(): void;
}

export interface FaultTrafficOptions {
  readonly url: UrlSource;
  readonly clients?: number;
  readonly batchSize?: number;
  /** A pause between a client's batches, in ms. Default 20. */
  readonly pauseMs?: number;
}

const started = new Set<FaultTraffic>();

/** Abandons every traffic started in this file (call it in `afterAll`). */
export function abandonAllTraffic(): void {
  for (const t of started) t.abandon();
  started.clear();
}

/** Starts `clients` loops; a failing one (an unexpected status) rejects `stop()`. */
export function startFaultTraffic(o: FaultTrafficOptions): FaultTraffic {
  const tally: ClientTally = { acknowledged: new Set(), resends: 0, duplicates: 0 };
  let stopping = false;
  let abandoned = false;
  let answered = 0;
  const loop = async (client: number): Promise<void> => {
    for (let k = 0; !stopping && !abandoned; k++) {
      const tsMs = Date.now();
      const batch = makeBatch(`c${client}-b${k}`, o.batchSize ?? 50, (i) => faultRecord(tsMs, i));
      // Once made, a batch is resent until answered, whatever `stop` says: it may have been acknowledged.
      await sendUntilAnswered(o.url, batch, tally, () => abandoned);
      answered++;
      await new Promise((resolve) => setTimeout(resolve, o.pauseMs ?? 20));
    }
  };
  const loops = Array.from({ length: o.clients ?? 4 }, (_, c) => loop(c));
  const traffic: FaultTraffic = {
    tally,
    answered: () => answered,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
    abandon: () => {
      abandoned = true;
    },
  };
  started.add(traffic);
  return traffic;
}
