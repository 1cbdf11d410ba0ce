/** The config's JSON Schema flattened into one row per key, for the reference docs. */

/** The part of a JSON Schema node the docs read. */
export interface SchemaNode {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly items?: SchemaNode;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: SchemaNode | boolean;
  readonly 'x-faultline-type'?: string;
  readonly 'x-faultline-secret'?: boolean;
}

/** One documented key. */
export interface SchemaRow {
  /** `probes[].golden[].expect.contains`, `notify[kind=slack].url`, `routes[].models.<name>`. */
  readonly path: string;
  readonly type: string;
  /** The default as written in a file (in backticks), `required`, or `—` (absent means absent). */
  readonly default: string;
  readonly description: string;
  readonly secret: boolean;
}

/** Every key under `node`, depth first, the key itself before its children. */
export function schemaRows(node: SchemaNode, path: string, required: boolean): SchemaRow[] {
  const row: SchemaRow = {
    path,
    type: typeOf(node),
    default: 'default' in node ? formatDefault(node.default) : required ? 'required' : '—',
    description: node.description ?? '',
    secret: isSecret(node),
  };
  return [row, ...childRows(node, path)];
}

function childRows(node: SchemaNode, path: string): SchemaRow[] {
  const object = members(node).find((m) => m.properties !== undefined);
  if (object?.properties !== undefined)
    return Object.entries(object.properties).flatMap(([k, v]) =>
      schemaRows(v, `${path}.${k}`, object.required?.includes(k) === true),
    );
  const list = members(node).find((m) => m.items !== undefined)?.items;
  if (list?.oneOf !== undefined) return unionRows(list.oneOf, `${path}[]`);
  if (list !== undefined) return childRows(list, `${path}[]`);
  const values = node.additionalProperties;
  if (typeof values === 'object' && node.properties === undefined)
    return childRows(values, `${path}.<name>`);
  return [];
}

/**
 * A discriminated union's options: the keys all of them share once under `path`, the
 * discriminator with every value, then each option's own keys under `path[kind=value]`.
 */
function unionRows(variants: readonly SchemaNode[], path: string): SchemaRow[] {
  const first = variants[0]?.properties ?? {};
  const tagKey = Object.keys(first).find((k) => first[k]?.const !== undefined);
  const shared = Object.keys(first).filter(
    (k) => k !== tagKey && variants.every((v) => same(v.properties?.[k], first[k])),
  );
  const rows = shared.flatMap((k) => schemaRows(first[k] ?? {}, `${path}.${k}`, true));
  if (tagKey === undefined) return rows;
  const tags = variants.map((v) => v.properties?.[tagKey] ?? {});
  rows.push({
    path: `${path}.${tagKey}`,
    type: tags.map(typeOf).join(' | '),
    default: 'required',
    description: tags.map((t) => `${String(t.const)}: ${t.description ?? ''}`).join(' '),
    secret: false,
  });
  for (const v of variants) {
    const at = `${path.slice(0, -2)}[${tagKey}=${String(v.properties?.[tagKey]?.const)}]`;
    for (const [k, node] of Object.entries(v.properties ?? {}))
      if (k !== tagKey && !shared.includes(k))
        rows.push(...schemaRows(node, `${at}.${k}`, v.required?.includes(k) === true));
  }
  return rows;
}

function same(a: SchemaNode | undefined, b: SchemaNode | undefined): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** The node's alternatives (`anyOf`), or the node itself. */
function members(node: SchemaNode): readonly SchemaNode[] {
  return node.anyOf ?? [node];
}

function typeOf(node: SchemaNode): string {
  if (node['x-faultline-type'] !== undefined) return node['x-faultline-type'];
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum !== undefined) return node.enum.map((v) => JSON.stringify(v)).join(' | ');
  const [one, many, ...more] = node.anyOf ?? [];
  // `oneOrMany` in the schema: a value, or a list of such values.
  if (
    one !== undefined &&
    many?.items !== undefined &&
    more.length === 0 &&
    typeOf(many.items) === typeOf(one)
  )
    return `${typeOf(one)}, or a list of them`;
  if (node.anyOf !== undefined) return node.anyOf.map(typeOf).join(' or ');
  if (node.type === 'array')
    return `list of ${node.items === undefined ? 'values' : typeOf(node.items)}`;
  if (node.type === 'object' && node.properties === undefined) {
    const values = node.additionalProperties;
    return typeof values === 'object' ? `map of name → ${typeOf(values)}` : 'object';
  }
  if (node.oneOf !== undefined) return 'object';
  return node.type ?? 'any';
}

function isSecret(node: SchemaNode): boolean {
  return (
    node['x-faultline-secret'] === true ||
    members(node).some((m) => m['x-faultline-secret'] === true)
  );
}

function formatDefault(value: unknown): string {
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 0 &&
    !Array.isArray(value)
  )
    return 'see its keys';
  if (Array.isArray(value) && value.length > 0) return `\`[${value.map(String).join(', ')}]\``;
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}
