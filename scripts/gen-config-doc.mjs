// Writes docs/configuration.md from the config schema's descriptions (build the server first);
// `--check` only says whether the committed file is current. A test holds the two equal.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { renderConfigDoc } from '../packages/server/dist/config/config-doc.js';

const target = fileURLToPath(new URL('../docs/configuration.md', import.meta.url));
const options = (await resolveConfig(target)) ?? {};
const doc = await format(renderConfigDoc(), { ...options, filepath: target });

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== doc) {
    console.error('docs/configuration.md is out of date: run node scripts/gen-config-doc.mjs');
    process.exitCode = 1;
  } else console.log('docs/configuration.md is current');
} else {
  writeFileSync(target, doc);
  console.log(`wrote ${target}`);
}
