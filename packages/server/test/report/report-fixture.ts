// A scenario's records with hostile text in a model name, an error message and a status-page
// title, and the built `faultline` CLI run as a child process on them.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateScenario } from '@faultline/scenarios';

export const CLI = fileURLToPath(new URL('../../bin/faultline.js', import.meta.url));

/** Text that would run script or inject a node if it were ever parsed as markup. */
export const HOSTILE = '<img src=x onerror=alert(1)></script><script>window.pwned=1</script>';

/** The model whose name carries {@link HOSTILE}. */
export const HOSTILE_MODEL = `claude-opus-4-7${HOSTILE}`;

/** Provider overload on Anthropic, one failing model renamed, its errors and the page's title hostile. */
export function hostileOverloadLines(): string[] {
  return generateScenario('provider-overload').records.map((r) => {
    const rec = { ...r } as Record<string, unknown>;
    if (rec.model === 'claude-opus-4-7') rec.model = HOSTILE_MODEL;
    if (rec.error_type === 'overloaded_error') rec.error_message = `Overloaded ${HOSTILE}`;
    if (rec.kind === 'status' && typeof rec.incident === 'string') rec.incident = HOSTILE;
    return JSON.stringify(rec);
  });
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with `args`, writing `stdin` to it. */
export function runCli(args: readonly string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

/** The JSON a report file embeds. */
export function embeddedData(html: string): Record<string, unknown> {
  const m = /<script type="application\/json" id="faultline-report">([^<]*)<\/script>/.exec(html);
  if (m?.[1] === undefined) throw new Error('no embedded report data');
  return JSON.parse(m[1]) as Record<string, unknown>;
}
