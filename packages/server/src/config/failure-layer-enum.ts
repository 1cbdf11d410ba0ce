/** The schema of a failure layer name (integration, network, provider, model). */
import { z } from 'zod';
import { FAILURE_LAYERS, type FailureLayer } from '@faultline/core';

/** One of core's `FAILURE_LAYERS` (spec/diagnosis.md); `none` is not a failure. */
export function failureLayerEnum() {
  return z.enum(FAILURE_LAYERS as readonly [FailureLayer, ...FailureLayer[]]);
}
