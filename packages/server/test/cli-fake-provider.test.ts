// `faultline fake-provider` as a real process: serves, takes faults, plays scenarios, stops cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../bin/faultline.js', import.meta.url));
const SAMPLE = fileURLToPath(
  new URL('../../../samples/scenarios/opus-overload.yaml', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'faultline-fp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [CLI, 'fake-provider', '--port', '0', ...args], {
    stdio: 'pipe',
  });
  let out = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve({ child, url: m[1], output: () => out, exited });
    });
    void exited.then((code) => reject(new Error(`exited ${String(code)}: ${out}`)));
  });
}

function runToExit(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'fake-provider', ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('faultline fake-provider', () => {
  it('serves the emulated APIs on loopback, takes faults over the admin API, and stops on SIGTERM', async () => {
    const fp = await start(['--tokens-per-second', '0']);
    expect(new URL(fp.url).hostname).toBe('127.0.0.1');
    const ok = await fetch(`${fp.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'claude-opus-4-7',
        max_tokens: 16,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('request-id')).toMatch(/^req_/);
    await ok.arrayBuffer();
    const added = await fetch(`${fp.url}/_faultline/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'openai', fault: { kind: 'overload' } }),
    });
    expect(added.status).toBe(201);
    const failing = await fetch(`${fp.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-5.1', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(failing.status).toBe(503);
    expect(((await failing.json()) as { error: { code: string } }).error.code).toBe(
      'server_is_overloaded',
    );
    fp.child.kill('SIGTERM');
    expect(await fp.exited).toBe(0);
    expect(fp.output()).toMatch(/stopped after 2 requests/);
  });

  it('plays the bundled scenario', async () => {
    const fp = await start(['--scenario', SAMPLE]);
    const status = (await (await fetch(`${fp.url}/_faultline/scenario`)).json()) as {
      name: string;
      phase: { name: string };
    };
    expect(status).toMatchObject({ name: 'opus-overload', phase: { name: 'normal' } });
    expect(fp.output()).toMatch(/scenario: opus-overload/);
    fp.child.kill('SIGTERM');
    expect(await fp.exited).toBe(0);
  });

  it('refuses to bind beyond loopback without an admin token, and requires it when given', async () => {
    const open = await runToExit(['--host', '0.0.0.0']);
    expect(open.code).toBe(2);
    expect(open.stderr).toMatch(/beyond loopback.*--admin-token/s);
    const fp = await start(['--host', '0.0.0.0', '--admin-token', 'let-me-in']);
    const local = `http://127.0.0.1:${new URL(fp.url).port}/_faultline/faults`;
    const rule = {
      method: 'POST',
      body: JSON.stringify({ fault: { kind: 'overload' } }),
    };
    const denied = await fetch(local, { ...rule, headers: { 'content-type': 'application/json' } });
    expect(denied.status).toBe(401);
    const allowed = await fetch(local, {
      ...rule,
      headers: { 'content-type': 'application/json', authorization: 'Bearer let-me-in' },
    });
    expect(allowed.status).toBe(201);
    fp.child.kill('SIGTERM');
    expect(await fp.exited).toBe(0);
  });

  it('documents the admin guard, the token and the body limit in --help', async () => {
    const help = await runToExit(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--admin-token TOKEN/);
    expect(help.stdout).toMatch(/DNS\s+rebinding/);
    expect(help.stdout).toMatch(/--max-body-bytes N/);
    expect(help.stdout).toMatch(/GET +\/_faultline\/status-pages\[\/ID\]/);
    expect(help.stdout).toMatch(/PUT\|PATCH\|DELETE \/_faultline\/status-pages\/ID/);
  });

  it('rejects a bad scenario with every problem, and bad options with the help', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'phases:\n  - name: x\n    duration: soon\n    faults:\n      - fault: { kind: boom }\n',
    );
    const run = (args: string[]): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, 'fake-provider', ...args], { stdio: 'pipe' });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const scenario = await run(['--scenario', bad]);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toMatch(/phases\[0\]\.duration/);
    expect(scenario.stderr).toMatch(/phases\[0\]\.faults\[0\]\.fault\.kind/);
    const missing = await run(['--scenario', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const port = await run(['--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be a whole number/);
    expect(port.stderr).toMatch(/Usage: faultline fake-provider/);
  });
});
