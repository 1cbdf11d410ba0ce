/** Incident communications: drafts updates that name the layer, and lints updates people write. */
export { UPDATE_STAGES, VOICES } from './update-vocabulary.js';
export type { UpdateStage, Voice } from './update-vocabulary.js';
export { draftUpdate } from './draft-update.js';
export type { DraftOptions } from './draft-update.js';
export type { FactOptions } from './incident-facts.js';
export { LINT_RULES, LINT_SEVERITIES } from './lint-finding.js';
export type {
  LintContext,
  LintFinding,
  LintResult,
  LintRule,
  LintSeverity,
} from './lint-finding.js';
export { lintUpdate } from './lint-update.js';
export { guessStage, proposeRewrite } from './propose-rewrite.js';
export type { RewriteOptions } from './propose-rewrite.js';
export { providerDisplayName } from '../format/index.js';
