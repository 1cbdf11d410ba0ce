// Dependency rules (design/STYLE.md): no cycles; core stays pure; edges never import upward.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
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
      comment: '@faultline/core does no I/O: no Node built-ins, no packages at all.',
      from: { path: '^packages/core/src' },
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
      to: { path: '^packages/(sdk|server|fake-provider)/' },
    },
    {
      name: 'sdk-depends-on-core-only',
      severity: 'error',
      comment: "The SDK lives in users' apps: core only, no native modules.",
      from: { path: '^packages/sdk/src' },
      to: { path: '^packages/(server|fake-provider)/' },
    },
    {
      name: 'fake-provider-depends-on-core-only',
      severity: 'error',
      from: { path: '^packages/fake-provider/src' },
      to: { path: '^packages/(server|sdk)/' },
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
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
  },
};
