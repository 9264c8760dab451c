// Runs Tempest's volume API tests against one cloud and returns what each test did.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTempestConf } from './tempest-conf.mjs';

// stestr's progress lines: `{1} tempest.api.volume.X.test_y[id-...,smoke] [1.2s] ... ok`.
const RESULT_LINE = /^\{\d+\} (?:setUpClass \()?([\w.]+)(?:\[[^\]]*\])?\)? (?:\[[\d.]+s\] )?\.\.\. (ok|FAILED|SKIPPED)/;

/** The interpreter Tempest runs on (its script's shebang): a pyenv python3 on PATH may lack it. */
function tempestPython() {
  const script = spawnSync('sh', ['-c', 'command -v tempest'], { encoding: 'utf8' }).stdout.trim();
  const shebang = /^#!\s*(\S+)/.exec(readFileSync(script, 'utf8').split('\n')[0] ?? '');
  return shebang?.[1] ?? 'python3';
}

/** Whether the Debian `tempest` package (or a tempest on PATH) is there. */
export function tempestInstalled() {
  return spawnSync('tempest', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The admin's token and catalog on the target. */
async function adminSession(authUrl, adminPassword) {
  const auth = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'admin', domain: { id: 'default' }, password: adminPassword } },
        },
        scope: { project: { name: 'admin', domain: { id: 'default' } } },
      },
    }),
  });
  if (auth.status !== 201) throw new Error(`admin sign-in at ${authUrl} failed: ${auth.status}`);
  const { token } = await auth.json();
  const endpoint = (type) =>
    token.catalog
      .find((s) => s.type === type)
      ?.endpoints.find((e) => e.interface === 'public')
      ?.url.replace(/\/+$/, '');
  const get = async (url) =>
    (await fetch(url, { headers: { 'X-Auth-Token': auth.headers.get('x-subject-token') } })).json();
  return { endpoint, get };
}

/**
 * What Tempest must be told about the target: an active image for `[compute] image_ref` (the
 * rig's seed `cirros-tiny`, the emulator's CirrOS) and the backend's
 * `storage_protocol` and `vendor_name`, which the type tests put in extra specs, and its backends.
 */
async function describeTarget(authUrl, adminPassword) {
  const session = await adminSession(authUrl, adminPassword);
  const glance = session.endpoint('image');
  const { images } = await session.get(`${glance}/v2/images?status=active&visibility=public`);
  const { pools } = await session.get(`${session.endpoint('volumev3')}/scheduler-stats/get_pools?detail=true`);
  const capabilities = pools?.[0]?.capabilities ?? {};
  return {
    // The smallest image, so that a volume of Tempest's volume_size (1 GiB) can hold it.
    imageRef: [...images].sort((a, b) => (a.min_disk ?? 0) - (b.min_disk ?? 0) || (a.size ?? 0) - (b.size ?? 0))[0]?.id,
    storageProtocol: capabilities.storage_protocol ?? 'iSCSI',
    vendorName: capabilities.vendor_name ?? 'Open Source',
    backendNames: [
      ...new Set((pools ?? []).map((pool) => pool.capabilities?.volume_backend_name).filter(Boolean)),
    ].sort(),
  };
}

/**
 * @returns {Promise<{ passed: string[], failed: string[], skipped: string[], seconds: number, workspace: string, unreachable: boolean }>}
 */
export async function runTempest({
  authUrl,
  adminPassword,
  maxMicroversion = '3.70',
  buildTimeout,
  concurrency,
  regex,
}) {
  const workspace = mkdtempSync(join(tmpdir(), 'tempest-'));
  mkdirSync(join(workspace, 'etc'));
  const conf = join(workspace, 'etc', 'tempest.conf');
  writeTempestConf(conf, {
    authUrl,
    adminPassword,
    maxMicroversion,
    buildTimeout,
    logFile: join(workspace, 'tempest.log'),
    ...(await describeTarget(authUrl, adminPassword)),
  });
  // A workspace is a directory with .stestr.conf pointing at Tempest's test tree.
  const tempestDir = spawnSync(
    tempestPython(),
    ['-c', 'import os, tempest; print(os.path.dirname(tempest.__file__))'],
    {
      encoding: 'utf8',
    },
  ).stdout.trim();
  writeFileSync(
    join(workspace, '.stestr.conf'),
    `[DEFAULT]\ntest_path=${tempestDir}/test_discover\ntop_dir=${tempestDir}/..\n`,
  );
  const started = Date.now();
  const passed = [];
  const failed = [];
  const skipped = [];
  await new Promise((resolve, reject) => {
    const child = spawn('tempest', ['run', '--regex', regex, '--concurrency', String(concurrency)], {
      cwd: workspace,
      env: { ...process.env, TEMPEST_CONFIG_DIR: join(workspace, 'etc'), TEMPEST_CONFIG: 'tempest.conf' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let pending = '';
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = RESULT_LINE.exec(line);
        if (match) {
          const [, name, outcome] = match;
          (outcome === 'ok' ? passed : outcome === 'FAILED' ? failed : skipped).push(name);
          if (outcome === 'FAILED') process.stdout.write(`  FAILED ${name}\n`);
        }
      }
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  const log = readFileSync(join(workspace, 'tempest.log'), 'utf8');
  return {
    passed: passed.sort(),
    failed: failed.sort(),
    skipped: skipped.sort(),
    seconds: Math.round((Date.now() - started) / 1000),
    workspace,
    // Tempest logs the request errors of a cloud that went away mid-run.
    unreachable: /Connection refused|Max retries exceeded/.test(log),
  };
}
