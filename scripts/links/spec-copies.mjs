// Checks that docs/ holds byte-identical copies of the shared spec contracts, when they are beside the clone.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} SpecCopies
 * @property {boolean} checked false when the spec folder is absent (a clone on its own)
 * @property {string[]} copies the contracts compared, e.g. `docs/call-record.md`
 * @property {string[]} problems one sentence per missing or differing copy
 */

/**
 * Compares each `*.md` in `specDir` with `docs/<same name>` under `root`, byte for byte. The
 * spec folder is the source: tools outside the repository read it, so a copy never drifts.
 * @param {string} root the repository
 * @param {string} specDir the shared spec folder (`../shared/spec` beside the clone in CI)
 * @returns {SpecCopies}
 */
export function checkSpecCopies(root, specDir) {
  if (!existsSync(specDir)) return { checked: false, copies: [], problems: [] };
  const names = readdirSync(specDir)
    .filter((n) => n.endsWith('.md'))
    .sort();
  /** @type {string[]} */
  const problems = [];
  const copies = names.map((n) => `docs/${n}`);
  for (const name of names) {
    const copy = join(root, 'docs', name);
    if (!existsSync(copy)) {
      problems.push(`docs/${name}: missing (copy it from ${join(specDir, name)})`);
    } else if (!readFileSync(copy).equals(readFileSync(join(specDir, name)))) {
      problems.push(`docs/${name}: differs from ${join(specDir, name)} (copy it again)`);
    }
  }
  return { checked: true, copies, problems };
}
