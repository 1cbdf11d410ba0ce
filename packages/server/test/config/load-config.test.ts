// loadConfig on real files: YAML and JSON, the default ./faultline.yaml, syntax errors with positions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isConfigError } from '@faultline/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { SPEC_ENV, specExample } from './spec-example.js';

const root = mkdtempSync(join(tmpdir(), 'faultline-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A fresh directory holding `files`. */
function dir(files: Record<string, string> = {}): string {
  const d = join(root, String(n++));
  mkdirSync(d);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

async function failure(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isConfigError(e)) throw new Error(`expected a ConfigError, got ${String(e)}`);
  return e.message;
}

describe('loadConfig', () => {
  it('reads ./faultline.yaml when no file is given and it exists', async () => {
    const cwd = dir({ 'faultline.yaml': specExample() });
    const { config, file } = await loadConfig({ env: SPEC_ENV, cwd });
    expect(file).toBe('faultline.yaml');
    expect(config.gateway?.targets).toHaveLength(2);
  });

  it('runs on the defaults when there is no file at all', async () => {
    const { config, file } = await loadConfig({ env: {}, cwd: dir() });
    expect(file).toBeUndefined();
    expect(config.listen).toEqual({ host: '127.0.0.1', port: 7600 });
  });

  it('reads a JSON file and a YAML file to the same config', async () => {
    const doc = {
      listen: '127.0.0.1:0',
      retention: { records: '2h' },
      breaker: { open_on: ['provider'] },
    };
    const cwd = dir({
      'c.json': JSON.stringify(doc),
      'c.yml': 'listen: 127.0.0.1:0\nretention: { records: 2h }\nbreaker:\n  open_on: [provider]\n',
    });
    const json = await loadConfig({ file: 'c.json', env: {}, cwd });
    const yaml = await loadConfig({ file: 'c.yml', env: {}, cwd });
    expect(json.config).toEqual(yaml.config);
    expect(json.config.retention.records).toBe(7_200_000);
  });

  it('treats an empty file as all defaults', async () => {
    const { config } = await loadConfig({
      file: 'empty.yaml',
      env: {},
      cwd: dir({ 'empty.yaml': '# nothing yet\n' }),
    });
    expect(config.notify).toEqual([]);
  });

  it.each([
    [
      'an unclosed flow sequence',
      'listen: 127.0.0.1:1\nbreaker:\n  open_on: [provider\n',
      'line 4, column 1',
    ],
    [
      'a repeated key',
      'listen: 127.0.0.1:1\nlisten: 127.0.0.1:2\n',
      'line 2, column 1: Map keys must be unique',
    ],
    ['a tab as indentation', 'retention:\n\trecords: 1d\n', 'line 2, column 1'],
    [
      'JSON without its closing brace',
      '{\n  "listen": "127.0.0.1:1",\n  "store": "x.db"\n',
      'line 4, column 1',
    ],
  ])('names the line and column of %s', async (_what, text, where) => {
    const message = await failure(
      loadConfig({ file: 'bad.yaml', env: {}, cwd: dir({ 'bad.yaml': text }) }),
    );
    expect(message).toMatch(/^cannot parse bad\.yaml:\n {2}line \d+, column \d+: /);
    expect(message).toContain(where);
  });

  it('says a given file that does not exist is missing, and names invalid contents after the file', async () => {
    const cwd = dir({
      'x.yaml': 'listen: nowhere\nprobes: [{ provider: anthropic, model: m, every: 30 seconds }]\n',
    });
    expect(await failure(loadConfig({ file: 'nope.yaml', env: {}, cwd }))).toBe(
      'cannot read nope.yaml:\n  no such file',
    );
    expect(await failure(loadConfig({ file: '.', env: {}, cwd }))).toBe(
      'cannot read .:\n  is a directory',
    );
    expect(await failure(loadConfig({ file: 'x.yaml', env: {}, cwd }))).toBe(
      'invalid configuration in x.yaml:\n' +
        '  listen: not a host:port ("nowhere"); e.g. 127.0.0.1:7600 or [::1]:7600\n' +
        '  probes[0].every: not a duration ("30 seconds"); use 500ms, 30s, 5m, 2h or 7d',
    );
  });
});
