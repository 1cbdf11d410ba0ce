/** The schema of `breaker`: how the service acts on verdicts. */
import { z } from 'zod';
import { failureLayerEnum } from './failure-layer-enum.js';

/** How an open breaker closes again. */
export const BREAKER_RECOVERIES = ['evidence'] as const;

/** `breaker`: kept per gateway target (and per provider + model for SDK routers). */
export const breakerSchema = z
  .strictObject({
    open_on: z
      .array(failureLayerEnum())
      .prefault(['provider', 'model', 'network'])
      .describe(
        "Layers whose incidents open a target's breaker; an incident opens every target whose provider and model it covers.",
      ),
    recovery: z
      .enum(BREAKER_RECOVERIES)
      .prefault('evidence')
      .describe(
        "evidence: half-open on a probe or trickle success, close on k successes while the scope's failure share is back to normal now.",
      ),
  })
  .prefault({})
  .describe('How the service acts on verdicts.');
