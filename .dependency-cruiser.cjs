// Dependency rules (design/STYLE.md): no cycles; core stays pure; edges never import upward.

/**
 * Core's folders in dependency order: each may import only the folders before it (errors and
 * checks, which any folder may use, come first and import nothing of core; records know
 * nothing of classification, the diagnosis contract nothing of the engine, the engine nothing of
 * update wording), so no cycle can form between them (the engine ↔ comms one is gone).
 */
const CORE_FOLDERS = [
  'errors',
  'checks',
  'records',
  'classify',
  'format',
  'diagnosis',
  'breaker',
  'engine',
  'comms',
];

/** One rule per folder: it must not import any folder that comes after it. */
const coreFolderOrder = CORE_FOLDERS.slice(0, -1).map((folder, i) => ({
  name: `core-folder-order-${folder}`,
  severity: 'error',
  comment: `core folders go ${CORE_FOLDERS.join(' → ')}; ${folder} may import only the folders before it.`,
  from: { path: `^packages/core/src/${folder}/` },
  to: { path: `^packages/core/src/(${CORE_FOLDERS.slice(i + 1).join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...coreFolderOrder,
    {
      name: 'core-folders-meet-through-index',
      severity: 'error',
      comment:
        "A core folder uses another only through that folder's index.ts: what an index does not export is private.",
      from: { path: '^packages/core/src/([^/]+)/' },
      to: {
        path: '^packages/core/src/[^/]+/',
        pathNot: ['^packages/core/src/$1/', '^packages/core/src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'core-folders-are-known',
      severity: 'error',
      comment: `A new core folder takes its place in CORE_FOLDERS (${CORE_FOLDERS.join(', ')}) first.`,
      from: { path: '^packages/core/src/' },
      to: { path: `^packages/core/src/(?!(${CORE_FOLDERS.join('|')})/)[^/]+/` },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles make layers inseparable (the Portkey gateway lesson in STYLE.md).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: '@faultline/core does no I/O: no Node built-ins, no packages (its tests: vitest).',
      from: { path: '^packages/core/src', pathNot: '\\.test\\.ts$' },
      to: {
        dependencyTypes: [
          'core',
          'npm',
          'npm-dev',
          'npm-optional',
          'npm-peer',
          'npm-no-pkg',
          'npm-unknown',
        ],
      },
    },
    {
      name: 'core-stays-in-core',
      severity: 'error',
      comment: 'core depends on nothing else in the workspace.',
      from: { path: '^packages/core/src' },
      to: { path: '^(packages/(sdk|server|fake-provider|scenarios)|bench)/' },
    },
    {
      name: 'sdk-depends-on-core-only',
      severity: 'error',
      comment: "The SDK lives in users' apps: core only, no native modules.",
      from: { path: '^packages/sdk/src' },
      to: { path: '^(packages/(server|fake-provider|scenarios)|bench)/' },
    },
    {
      name: 'fake-provider-depends-on-core-only',
      severity: 'error',
      from: { path: '^packages/fake-provider/src' },
      to: { path: '^(packages/(server|sdk|scenarios)|bench)/' },
    },
    {
      name: 'scenarios-are-pure',
      severity: 'error',
      comment: 'The scenario library computes records from a seed: no Node built-ins, no I/O.',
      from: { path: '^packages/scenarios/src' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'scenarios-depend-on-core-only',
      severity: 'error',
      comment: '@faultline/scenarios imports its own files and @faultline/core, nothing else.',
      from: { path: '^packages/scenarios/src' },
      to: { pathNot: '^packages/(scenarios/src|core)/' },
    },
    {
      name: 'store-adapters-stand-alone',
      severity: 'error',
      comment:
        'A store adapter implements the port (store/port.ts) and imports no sibling adapter and no other part of the service.',
      from: { path: '^packages/server/src/store/(memory|sqlite|postgres)/' },
      to: {
        path: '^packages/server/src/',
        pathNot: [
          '^packages/server/src/store/$1/',
          '^packages/server/src/store/(port|rollup-row)\\.ts$',
        ],
      },
    },
    {
      name: 'only-the-root-knows-adapters',
      severity: 'error',
      comment:
        'Concrete store adapters are chosen in one place (store/open-store.ts); the service and the CLI get a Store through it.',
      from: {
        path: '^packages/server/src/',
        pathNot: ['^packages/server/src/store/', '\\.test\\.ts$'],
      },
      to: { path: '^packages/server/src/store/(memory|sqlite|postgres)/' },
    },
    {
      name: 'service-parts-never-import-the-root',
      severity: 'error',
      comment:
        'The parts of the service (http, ingest, otlp, live, api, tokens, config, store) are wired by serve/ (the composition root) and the CLI; they never import either.',
      from: { path: '^packages/server/src/(http|ingest|otlp|live|api|tokens|config|store)/' },
      to: { path: '^packages/server/src/(serve|cli|demo)/' },
    },
    {
      name: 'nothing-imports-bench',
      severity: 'error',
      comment: 'bench/ is private and measures the packages; no package may depend on it.',
      from: { path: '^packages/' },
      to: { path: '^bench/' },
    },
    {
      name: 'no-reaching-into-other-packages-src',
      severity: 'error',
      comment: 'Packages use each other through their exports, not their files.',
      from: { path: '^packages/([^/]+)/' },
      to: { path: '^packages/([^/]+)/src/', pathNot: '^packages/$1/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Built output is a leaf, not excluded: an import of another package resolves to its dist/,
    // and must stay in the graph for the package rules above to see it.
    doNotFollow: { path: ['node_modules', '(^|/)dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
  },
};
