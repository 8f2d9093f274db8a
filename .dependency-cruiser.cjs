// The layers' rules (README, "Architecture"), checked in CI by `npm run check:layers`.
// domain: pure rules and the catalog; imports nothing else of the project.
// db: schema and queries; imports only domain.
// app: verbs (services) that own transactions; never Slack, the CLI or the schedules.
// slack: listeners, views and renderers; calls verbs, never the database.
// Type-only imports count too: a type pulled from a layer is a dependency on it.
// Known violations live in .dependency-cruiser-known-violations.json (made by depcruise-baseline); the
// file is an empty list when every rule holds, and CI fails on any violation not in it.




const layer = (name) => `^src/${name}/`;

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules and the catalog: no database, Slack, clock or other layer.',
      severity: 'error',
      from: { path: layer('domain') },
      to: { path: '^src/', pathNot: layer('domain') },
    },
    {
      name: 'db-only-domain',
      comment: 'src/db may use domain types and rules, nothing above it.',
      severity: 'error',
      from: { path: layer('db') },
      to: { path: '^src/', pathNot: [layer('db'), layer('domain')] },
    },
    {
      name: 'app-not-surfaces',
      comment: 'Verbs do not know who calls them: no Slack, CLI or schedules in src/app.',
      severity: 'error',
      from: { path: layer('app') },
      to: { path: [layer('slack'), layer('cli'), layer('jobs')] },
    },
    {
      name: 'slack-not-db',
      comment: 'The Slack layer calls verbs; it never queries the database itself.',
      severity: 'error',
      from: { path: layer('slack') },
      to: { path: layer('db') },
    },
    {
      name: 'no-circular',
      comment: 'A cycle between modules makes load order matter and layers meaningless.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/domain/catalog/generated/'] },
    // Sources import siblings as './x.js' (NodeNext); the file on disk is x.ts.
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'], conditionNames: ['import', 'require', 'node', 'default'], exportsFields: ['exports'], mainFields: ['module', 'main'] },
    tsConfig: { fileName: 'tsconfig.json' },
    reporterOptions: { text: { highlightFocused: true } },
  },

};
