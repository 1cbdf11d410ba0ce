/** Runs the built-in and user output checks on one response's assembled output. */
import { builtInChecks, type CheckRequest, type OutputCheck } from '../checks/output-check.js';
import type { OutputState } from './interpreters/index.js';
import { redactUrl } from './redact/index.js';
import type { RequestFacts } from './request-facts.js';

export interface ChecksConfig {
  readonly provider: string;
  readonly checks: Readonly<Record<string, OutputCheck>>;
  readonly builtInChecks: boolean;
  readonly report: (error: unknown) => void;
}

/** The outcomes by name (`true` = passed); a throwing user check is reported and left out. */
export function runChecks(
  cfg: ChecksConfig,
  req: RequestFacts,
  s: OutputState,
  stream: boolean,
): Record<string, boolean> {
  const checks: Record<string, boolean> = cfg.builtInChecks
    ? builtInChecks({
        text: s.text,
        textComplete: s.textComplete,
        chars: s.chars,
        stopReason: s.stopReason,
        refusal: s.refusal,
        toolCall: s.toolCall,
        media: s.media,
        wantsJson: req.wantsJson,
      })
    : {};
  const names = Object.keys(cfg.checks);
  if (names.length === 0) return checks;
  const request: CheckRequest = {
    provider: cfg.provider,
    model: req.model,
    url: redactUrl(req.url),
    stream,
    wantsJson: req.wantsJson,
    body: req.body(),
  };
  for (const name of names) {
    try {
      const passed = cfg.checks[name]!(s.text, request);
      if (typeof passed === 'boolean') checks[name] = passed;
    } catch (e: unknown) {
      cfg.report(e);
    }
  }
  return checks;
}
