// Every package a user installs packs with `npm pack` and works from its tarball in a fresh app
// outside the workspace: install, import, instrument a call, run the installed CLI.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCRIPT, CALLS_JSONL } from './fresh-app.js';
import { run, type PackedFile } from './run.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** What users install, and @faultline/scenarios, which the CLI's `scenarios` command needs. */
const PACKAGES = ['core', 'sdk', 'fake-provider', 'scenarios', 'server'] as const;

const dir = mkdtempSync(join(tmpdir(), 'faultline-pack-'));
const app = join(dir, 'app');
const packed = new Map<string, { tarball: string; files: string[] }>();
let installMs = 0;

beforeAll(() => {
  const t0 = performance.now();
  const workspaces = PACKAGES.flatMap((p) => ['--workspace', `packages/${p}`]);
  const out = run('npm', ['pack', '--json', '--pack-destination', dir, ...workspaces], ROOT);
  for (const p of JSON.parse(out) as PackedFile[]) {
    packed.set(p.name, { tarball: join(dir, p.filename), files: p.files.map((f) => f.path) });
  }
  const dependencies = Object.fromEntries(
    [...packed].map(([name, { tarball }]) => [name, `file:${tarball}`]),
  );
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'fresh-app', private: true, type: 'module', dependencies }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], app);
  installMs = performance.now() - t0;
}, 480_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packages installed from their tarballs into a fresh app', () => {
  it('packs each package with its dist and package.json, and no tests or sources', () => {
    expect([...packed.keys()].sort()).toEqual([
      '@faultline/core',
      '@faultline/fake-provider',
      '@faultline/scenarios',
      '@faultline/sdk',
      'faultline',
    ]);
    for (const [name, { files }] of packed) {
      expect(files, name).toContain('package.json');
      expect(files, name).toContain('dist/index.js');
      expect(files, name).toContain('dist/index.d.ts');
      expect(
        files.filter((f) => !/^(dist\/|bin\/|package\.json$|README\.md$|LICENSE$)/.test(f)),
        name,
      ).toEqual([]);
      expect(
        files.filter((f) => /(^|\/)test\/|\.test\.|^src\//.test(f)),
        name,
      ).toEqual([]);
    }
    expect(packed.get('faultline')!.files).toContain('bin/faultline.js');
    // How long packing and installing took, for the log (a figure, not a pass mark: it swings
    // with the machine's load, and a native build of better-sqlite3 may be part of it).
    process.stdout.write(`packed and installed in ${(installMs / 1000).toFixed(1)} s\n`);
  });

  it('installs every Faultline package once, from its tarball, none from a registry', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string }>;
    };
    const ours = Object.entries(lock.packages).filter(([path]) =>
      /node_modules\/(@faultline\/[^/]+|faultline)$/.test(path),
    );
    expect(ours.map(([path]) => path).sort()).toEqual([
      'node_modules/@faultline/core',
      'node_modules/@faultline/fake-provider',
      'node_modules/@faultline/scenarios',
      'node_modules/@faultline/sdk',
      'node_modules/faultline',
    ]);
    for (const [path, entry] of ours) expect(entry.resolved, path).toMatch(/^file:/);
  });

  it('imports core and sdk, and instruments a call to the installed fake provider', () => {
    writeFileSync(join(app, 'app.mjs'), APP_SCRIPT);
    const out = JSON.parse(run('node', ['app.mjs'], app)) as Array<Record<string, unknown>>;
    expect(out).toEqual([
      { status: 200, layer: 'none', reason: 'ok', provider: 'anthropic' },
      { status: 529, layer: 'provider', reason: 'overloaded', provider: 'anthropic' },
    ]);
  });

  it('runs the installed CLI: --help, classify, scenarios, and the demo help', () => {
    expect(run('npx', ['--no', '--', 'faultline', '--help'], app)).toContain('Commands:');
    writeFileSync(join(app, 'calls.jsonl'), CALLS_JSONL);
    const lines = run('npx', ['--no', '--', 'faultline', 'classify', 'calls.jsonl', '--json'], app)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { classification: { layer: string; reason: string } });
    expect(lines.map((l) => l.classification.reason)).toEqual(['ok', 'overloaded', 'auth']);
    const listed = run('npx', ['--no', '--', 'faultline', 'scenarios'], app);
    expect(listed).toContain('provider-overload');
    expect(run('npx', ['--no', '--', 'faultline', 'demo', '--help'], app)).toContain(
      'Usage: faultline demo',
    );
  });
});
