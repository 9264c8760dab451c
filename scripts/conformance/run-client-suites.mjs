// Runs the functional test suites that ship with Debian's OpenStack clients against one cloud:
// python-openstackclient's (volume v3 and the identity v3 parts the emulator serves) and
// python-cinderclient's, each under stestr, both at once. Returns what each test did.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's interpreter: the clients and their tests live in its dist-packages (a pyenv python3
// on PATH has neither).
const PYTHON = '/usr/bin/python3';
const DIST = '/usr/lib/python3/dist-packages';

/**
 * The suites. The identity v3 classes are those whose API the emulator serves (projects, users,
 * roles, groups, domains, application credentials, tokens, the catalog); endpoints, regions,
 * services, limits and federation are Keystone administration the console never uses.
 */
export const SUITES = [
  {
    name: 'openstackclient',
    testPath: `${DIST}/openstackclient/tests/functional`,
    filter:
      '^openstackclient\\.tests\\.functional\\.(volume\\.v3\\.|identity\\.v3\\.test_(application_credential|catalog|domain|group|project|role|token|user)\\.)',
    // A class's tests share its setUpClass (a domain and project for identity): keep them on one worker.
    groupRegex: '([^\\.]+\\.)+',
  },
  {
    name: 'cinderclient',
    testPath: `${DIST}/cinderclient/tests/functional`,
    filter: '^cinderclient\\.tests\\.functional\\.',
  },
];

// stestr's progress lines: `{1} module.Class.test_x [1.2s] ... ok`, `{0} setUpClass (module.Class) ... FAILED`.
const RESULT_LINE = /^\{\d+\} (?:setUpClass \()?([\w.]+)(?:\[[^\]]*\])?\)? (?:\[[\d.]+s\] )?\.\.\. (ok|FAILED|SKIPPED)/;

/** Whether Debian's clients, their functional tests and stestr are installed. */
export function clientSuitesInstalled() {
  const modules = spawnSync(PYTHON, ['-c', 'import stestr, tempest.lib, fixtures, testtools'], { stdio: 'ignore' });
  return modules.status === 0 && SUITES.every((suite) => existsSync(suite.testPath));
}

/** clouds.yaml with the three clouds OSC's functional tests name (devstack, devstack-admin, devstack-alt). */
function cloudsYaml(authUrl, users) {
  const cloud = (name, user) =>
    `  ${name}:
    auth:
      auth_url: ${authUrl}
      username: ${user.name}
      password: ${user.password}
      project_name: ${user.name}
      user_domain_id: default
      project_domain_id: default
    region_name: RegionOne
    identity_api_version: 3
`;
  return `clouds:\n${cloud('devstack', users.demo)}${cloud('devstack-admin', users.admin)}${cloud('devstack-alt', users.altDemo)}`;
}

function runSuite(suite, workspace, env, concurrency, onResult) {
  const dir = join(workspace, suite.name);
  mkdirSync(dir);
  writeFileSync(
    join(dir, '.stestr.conf'),
    `[DEFAULT]\ntest_path=${suite.testPath}\ntop_dir=${DIST}\n${suite.groupRegex ? `group_regex=${suite.groupRegex}\n` : ''}`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-m', 'stestr', 'run', '--concurrency', String(concurrency), suite.filter], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = RESULT_LINE.exec(line);
        if (match) onResult(match[1], match[2]);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', () => {
      writeFileSync(join(dir, 'output.txt'), output);
      resolve();
    });
  });
}

/**
 * @param {object} target
 * @param {string} target.authUrl Keystone v3
 * @param {{ admin: {name: string, password: string}, demo: {name: string, password: string}, altDemo: {name: string, password: string} }} target.users
 * @param {number} target.concurrency stestr workers per suite
 * @returns {Promise<{ passed: string[], failed: string[], skipped: string[], workspace: string, unreachable: boolean, silent: string[] }>}
 *   `silent`: the suites that reported no test at all (stestr did not run them).
 */
export async function runClientSuites({ authUrl, users, concurrency }) {
  const workspace = mkdtempSync(join(tmpdir(), 'client-suites-'));
  writeFileSync(join(workspace, 'clouds.yaml'), cloudsYaml(authUrl, users));
  const env = {
    PATH: `/usr/bin:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? workspace,
    LANG: 'C.UTF-8',
    // openstackclient's tests: `openstack --os-cloud=devstack-admin ...`.
    OS_CLIENT_CONFIG_FILE: join(workspace, 'clouds.yaml'),
    // cinderclient's tests: tempest.lib's CLIClient passes user, project, password and URL; the
    // cinder CLI takes the domains and region from the environment.
    OS_USERNAME: users.admin.name,
    OS_PASSWORD: users.admin.password,
    OS_PROJECT_NAME: users.admin.name,
    OS_AUTH_URL: authUrl,
    OS_USER_DOMAIN_ID: 'default',
    OS_PROJECT_DOMAIN_ID: 'default',
    OS_REGION_NAME: 'RegionOne',
    OS_CINDERCLIENT_EXEC_DIR: '/usr/bin',
  };
  const passed = [];
  const failed = [];
  const skipped = [];
  const reported = new Set();
  const record = (name, outcome) => {
    reported.add(name.split('.')[0]);
    (outcome === 'ok' ? passed : outcome === 'FAILED' ? failed : skipped).push(name);
    if (outcome === 'FAILED') process.stdout.write(`  FAILED ${name}\n`);
  };
  await Promise.all(SUITES.map((suite) => runSuite(suite, workspace, env, concurrency, record)));
  const outputs = SUITES.map((suite) => {
    const file = join(workspace, suite.name, 'output.txt');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }).join('\n');
  return {
    passed: passed.sort(),
    failed: failed.sort(),
    skipped: skipped.sort(),
    workspace,
    unreachable: /Connection refused|Failed to establish a new connection/.test(outputs),
    silent: SUITES.map((suite) => suite.name).filter((name) => !reported.has(name)),
  };
}
