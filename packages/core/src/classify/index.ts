/** The per-call layer classifier and the closed vocabularies it uses. */
export { classify } from './classify.js';
export { sdkRetriesStatus } from './sdk-retry.js';
export type { Classification } from './classification.js';
export { LAYERS, OWNERS, REASONS, REASONS_BY_LAYER } from './vocabulary.js';
export type {
  IntegrationReason,
  Layer,
  ModelReason,
  NetworkReason,
  NoneReason,
  Owner,
  ProviderReason,
  Reason,
} from './vocabulary.js';
