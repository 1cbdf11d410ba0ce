// Each CLI command loads only its own code: the demo's SDKs, the fake provider and the scenario
// library stay unloaded unless their command runs. Observed with a real module-resolution hook.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../bin/faultline.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// node:module register() hooks (Node ≥ 20.6) see every ESM resolution; each resolved URL is
// appended to the file named in the hook's data.
const HOOKS = join(dir, 'log-hooks.mjs');
writeFileSync(
  HOOKS,
  `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}
`,
);
const records = join(dir, 'calls.jsonl');
writeFileSync(records, '{"ts":"2026-11-22T04:12:03Z","provider":"openai","model":"m"}\n');

let runs = 0;

/**
 * Runs the CLI under the hook (killed after `timeoutMs`); returns the exit status and every
 * module URL it resolved.
 */
function loadedBy(args: string[], timeoutMs = 15_000): { status: number | null; urls: string[] } {
  const log = join(dir, `resolved-${++runs}.txt`);
  writeFileSync(log, '');
  const register = join(dir, `register-${runs}.mjs`);
  writeFileSync(
    register,
    `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(HOOKS).href)}, { data: { log: ${JSON.stringify(log)} } });
`,
  );
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, CLI, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: r.status, urls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const HEAVY = [
  '/node_modules/openai/',
  '/node_modules/@anthropic-ai/',
  '/node_modules/@google/genai/',
  '/node_modules/yaml/',
  '/node_modules/better-sqlite3/',
  '/node_modules/pg/',
  '/node_modules/prom-client/',
  '/node_modules/protobufjs/',
  '/node_modules/zod/',
  '/dist/demo/run-demo.js',
  '/dist/demo/demo-traffic.js',
  'fake-provider/dist/',
  'scenarios/dist/',
];
const heavyIn = (urls: string[]): string[] => urls.filter((u) => HEAVY.some((h) => u.includes(h)));

describe('the CLI loads commands lazily', () => {
  it('classify loads its own modules and no SDK, fake provider, scenario library or demo', () => {
    const { status, urls } = loadedBy(['classify', '--json', records]);
    expect(status).toBe(0);
    expect(urls.some((u) => u.endsWith('/dist/cli/classify/run-classify.js'))).toBe(true);
    expect(heavyIn(urls)).toEqual([]);
    expect(
      urls.filter((u) => /\/dist\/(demo|cli\/(diagnose|lint-update|scenarios))\//.test(u)),
    ).toEqual([]);
  });

  it('only the store a command opens is loaded: SQLite for a path, never PostgreSQL; config check opens none', () => {
    const tokens = loadedBy([
      'token',
      'create',
      '--role',
      'read',
      '--name',
      'lazy',
      '--store',
      join(dir, 'lazy.db'),
    ]);
    expect(tokens.status).toBe(0);
    const heavy = heavyIn(tokens.urls).join('\n');
    expect(heavy).toContain('/node_modules/better-sqlite3/');
    expect(heavy).not.toContain('/node_modules/pg/');
    expect(heavy).not.toContain('/node_modules/prom-client/');
    const yaml = join(dir, 'faultline.yaml');
    writeFileSync(yaml, 'listen: 127.0.0.1:7609\n');
    const check = loadedBy(['config', 'check', yaml]);
    expect(check.status).toBe(0);
    const checkHeavy = heavyIn(check.urls).join('\n');
    expect(checkHeavy).toContain('/node_modules/zod/');
    expect(checkHeavy).not.toMatch(/better-sqlite3|\/pg\/|prom-client|protobufjs/);
  });

  it('--help loads no command module at all', () => {
    const { status, urls } = loadedBy(['--help']);
    expect(status).toBe(0);
    expect(urls.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(urls.filter((u) => /\/dist\/cli\/[^/]+\//.test(u) || u.includes('/dist/demo/'))).toEqual(
      [],
    );
  });

  it('the demo help loads no SDK, while running the demo loads the SDKs', () => {
    // Both forms of the help come from the command's declaration: no SDK, no demo code.
    for (const args of [
      ['help', 'demo'],
      ['demo', '--help'],
    ]) {
      const help = loadedBy(args);
      expect(help.status).toBe(0);
      expect(heavyIn(help.urls)).toEqual([]);
    }
    // Running the demo loads its code and both SDKs; it is stopped after a few seconds (a full
    // run takes about a minute), by when every module it needs has been resolved.
    const demo = loadedBy(['demo', '--workers', '1'], 6_000);
    const heavy = heavyIn(demo.urls).join('\n');
    expect(heavy).toContain('/node_modules/openai/');
    expect(heavy).toContain('/node_modules/@anthropic-ai/sdk/');
    expect(heavy).toContain('/dist/demo/run-demo.js');
  });
});
