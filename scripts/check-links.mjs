// `npm run links`: every relative markdown link resolves inside the repository; docs/ spec copies match ../shared/spec.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkMarkdown } from './links/check-markdown.mjs';
import { checkSpecCopies } from './links/spec-copies.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'spec-dir': { type: 'string' } },
});
const root = resolve(positionals[0] ?? '.');
const specDir = resolve(values['spec-dir'] ?? resolve(root, '../shared/spec'));

const links = checkMarkdown(root);
for (const p of links.problems) console.error(`${p.file}:${p.line}: ${p.message}`);
const spec = checkSpecCopies(root, specDir);
for (const p of spec.problems) console.error(p);

console.log(
  `links: ${links.links} relative links in ${links.files} markdown files, ${links.problems.length} broken`,
);
console.log(
  spec.checked
    ? `spec copies: ${spec.copies.length} compared with ${specDir}, ${spec.problems.length} differ`
    : `spec copies: not checked (${specDir} not found)`,
);
process.exitCode = links.problems.length + spec.problems.length > 0 ? 1 : 0;
