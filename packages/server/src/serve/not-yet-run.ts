/**
 * Sections of the configuration that this version validates but does not act on yet: the
 * service says so at start instead of silently ignoring them.
 */
import type { FaultlineConfig } from '../config/index.js';

/** One log line per configured section that nothing runs yet. */
export function notYetRunLines(config: FaultlineConfig): string[] {
  const lines: string[] = [];
  const say = (what: string, key: string): void => {
    lines.push(`${key} is configured, but this version does not run ${what} yet; it is ignored`);
  };
  if (config.gateway !== null) say('the gateway', 'gateway');
  return lines;
}
