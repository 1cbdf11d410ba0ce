/** Azure OpenAI: OpenAI's rules plus its content filter delivered as HTTP 400 (error-taxonomy.md §4.4). */
import { integration, model, type Classification } from '../classification.js';
import type { ErrorFacts } from '../error-facts.js';
import { openaiRules } from './openai.js';

const CONTENT_FILTER = model('content_filter');

/** Azure OpenAI rules. */
export function azureOpenaiRules(f: ErrorFacts): Classification | undefined {
  // Z1: prompt filtered → 400, code content_filter, innererror.code ResponsibleAIPolicyViolation
  if (f.code === 'content_filter' || f.code === 'ResponsibleAIPolicyViolation') {
    return CONTENT_FILTER;
  }
  if (/content management policy/i.test(f.message)) return CONTENT_FILTER;
  if (f.code === 'DeploymentNotFound') return integration('not_found');
  return openaiRules(f);
}
