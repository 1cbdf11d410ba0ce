/** docs/configuration.md, made from the schema's descriptions so the two cannot drift. */
import { z } from 'zod';
import { configSchema } from './config-schema.js';
import { schemaRows, type SchemaNode, type SchemaRow } from './schema-rows.js';
import { isMarkedSecret } from './secret.js';

const INTRO = `# Configuration reference

<!-- Generated from packages/server/src/config by \`node scripts/gen-config-doc.mjs\`; do not edit. -->

Every key of \`faultline.yaml\` (YAML or JSON, \`faultline serve --config FILE\`), with its type,
its default and what it means. The contract, with a complete example, is
[config.md](config.md). Check a file with \`faultline config check FILE\`.

- Every object is strict: an unknown key is an error naming its path.
- \`\${NAME}\` anywhere in a string is replaced by the environment variable \`NAME\` (unset: an
  error); \`$\${\` writes a literal \`\${\`. Keys marked **secret** should be given that way; they
  are printed as \`[redacted]\` and never stored or logged. A secret written literally in the
  file still loads, with a warning naming its path (\`faultline config check\` prints it,
  \`faultline serve\` logs it at start; never the value).
- A duration is a whole number and a unit: \`500ms\`, \`30s\`, \`5m\`, \`2h\`, \`7d\`.
- In paths, \`[]\` is any item of a list, \`<name>\` any key of a map, and \`[kind=slack]\` the
  items of that kind.
`;

/** The config's JSON Schema (the input side: what a file holds), secrets marked. */
export function configJsonSchema(): SchemaNode {
  return z.toJSONSchema(configSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (isMarkedSecret(ctx.zodSchema)) ctx.jsonSchema['x-faultline-secret'] = true;
    },
  }) as SchemaNode;
}

/** The whole reference, one section per top-level key (Markdown, before Prettier). */
export function renderConfigDoc(): string {
  const root = configJsonSchema();
  const sections = Object.entries(root.properties ?? {}).map(([key, node]) =>
    section(key, schemaRows(node, key, root.required?.includes(key) === true)),
  );
  return `${INTRO}\n${sections.join('\n')}`;
}

function section(key: string, rows: readonly SchemaRow[]): string {
  const lines = rows.map(
    (r) =>
      `| ${cell(`\`${r.path}\``)} | ${cell(r.type)} | ${cell(r.default)} | ${r.secret ? '**Secret.** ' : ''}${cell(r.description)} |`,
  );
  return `## \`${key}\`\n\n| Key | Type | Default | Description |\n| --- | --- | --- | --- |\n${lines.join('\n')}\n`;
}

/** Text safe inside a table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
