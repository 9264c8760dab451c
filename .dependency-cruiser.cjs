/**
 * The SPA's layers (docs/architecture.md), checked by `npm run lint`:
 *   app/        the shell: routes, providers, the live stream
 *   features/   one folder per page or route: composition only, apart from each other
 *   resources/  one folder per Cinder kind: queries, calls, columns, actions, dialogs
 *   components/ and lib/   shared code that knows no kind and no page
 * Each layer imports only the layers below it, and no folders import each other in a circle.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const WEB = '^apps/web/src/';

module.exports = {
  forbidden: [
    {
      name: 'shared-code-knows-no-page-or-kind',
      comment: 'components/ and lib/ serve every page and kind: they import nothing above them.',
      severity: 'error',
      from: { path: `${WEB}(components|lib)/` },
      to: { path: `${WEB}(app|features|resources)/` },
    },
    {
      name: 'resources-know-no-page',
      comment: 'A resource kind is used by pages, never the other way round: move page code to features/.',
      severity: 'error',
      from: { path: `${WEB}resources/` },
      to: { path: `${WEB}(app|features)/` },
    },
    {
      name: 'features-apart',
      comment: 'Features must not import each other: what two pages share belongs to resources/, components/ or lib/.',
      severity: 'error',
      from: { path: `${WEB}features/([^/]+)/` },
      to: { path: `${WEB}features/`, pathNot: `${WEB}features/$1/` },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders that import each other in a circle are one folder in two places: cut the circle.',
      severity: 'error',
      scope: 'folder',
      from: { path: WEB },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'Modules that load each other at start (type-only and lazy imports aside) depend on evaluation order.',
      severity: 'error',
      from: { path: '^(apps|packages)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'dynamic-import'] } },
    },
    {
      name: 'test-support-only-in-tests',
      comment: 'packages/test-support starts throw-away servers for tests: what the console runs never loads it.',
      severity: 'error',
      from: {
        path: '^(apps|packages)/',
        pathNot: ['\\.test\\.tsx?$', '/test-support/', '^packages/emulator/src/contract/'],
      },
      to: { path: '^packages/test-support/' },
    },
    {
      name: 'packages-know-no-app',
      comment: 'packages/ are below every app: the apps import them, never the reverse.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|dist-ssr|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['source', 'import', 'default'] },
  },
};
