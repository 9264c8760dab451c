// The bundle budget's rules on a made-up manifest (`node --test`, part of `npm run test:bundle`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUDGETS, judge, measureBundle, staticClosure } from './bundle-budget.mjs';

const manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js'], css: ['assets/index.css'] },
  '_react.js': { file: 'assets/react.js' },
  '_shared.js': { file: 'assets/shared.js', imports: ['_react.js'] },
  'src/features/session/login-page.tsx': { file: 'assets/login.js', isDynamicEntry: true, imports: ['_shared.js'] },
  'src/app/require-session.tsx': { file: 'assets/shell.js', isDynamicEntry: true, imports: ['_shared.js'] },
  'src/features/overview/overview-page.tsx': { file: 'assets/overview.js', isDynamicEntry: true },
  'src/features/volumes/volumes-page.tsx': {
    file: 'assets/volumes.js',
    isDynamicEntry: true,
    imports: ['_table.js'],
    dynamicImports: ['src/features/volumes/dialog.tsx'],
  },
  '_table.js': { file: 'assets/table.js' },
  'src/features/volumes/dialog.tsx': { file: 'assets/dialog.js', isDynamicEntry: true },
};
const sizes = {
  'assets/index.js': 100,
  'assets/index.css': 7,
  'assets/react.js': 60,
  'assets/shared.js': 20,
  'assets/login.js': 5,
  'assets/shell.js': 10,
  'assets/overview.js': 3,
  'assets/volumes.js': 4,
  'assets/table.js': 30,
  'assets/dialog.js': 50,
};

test('a route needs its modules and what they import statically, never what they import lazily', () => {
  assert.deepEqual(staticClosure(manifest, ['src/features/volumes/volumes-page.tsx']).sort(), [
    'assets/table.js',
    'assets/volumes.js',
  ]);
  assert.throws(() => staticClosure(manifest, ['src/nowhere.tsx']), /no entry for src\/nowhere.tsx/);
});

test('the initial route is the heaviest landing route, the whole app every JS and CSS file', () => {
  const measured = measureBundle(manifest, (file) => sizes[file]);
  assert.equal(measured.routes['/login'].gzip, 100 + 60 + 20 + 5);
  assert.equal(measured.routes['/overview'].gzip, 100 + 60 + 20 + 10 + 3);
  // The volumes page is measured but not budgeted, heavier or not.
  assert.equal(measured.routes['/volumes'].gzip, 100 + 60 + 20 + 10 + 4 + 30);
  assert.equal(measured.heaviestRoute, '/overview');
  assert.equal(measured.initialRouteJs, 193);
  assert.equal(
    measured.wholeApp,
    Object.values(sizes).reduce((a, b) => a + b),
  );
  assert.equal(measured.wholeAppJs, measured.wholeApp - 7);
});

test('a byte over a budget fails, and nothing above it is tolerated', () => {
  const at = (initialRouteJs, wholeApp = 1) => ({ heaviestRoute: '/overview', initialRouteJs, wholeApp });
  assert.deepEqual(judge(at(BUDGETS.initialRouteJs)), { failures: [] });
  assert.match(
    judge(at(BUDGETS.initialRouteJs + 1)).failures[0],
    /initial route \/overview: 250.0 kB gzip, budget 250.0 kB/,
  );
  assert.match(judge(at(1, BUDGETS.wholeApp + 1)).failures[0], /whole app/);
});
