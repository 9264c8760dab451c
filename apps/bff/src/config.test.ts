import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { selfSignedCertificate, type Certificate } from '@cinder-console/test-support';

let certificate: Certificate;
beforeAll(() => {
  certificate = selfSignedCertificate();
});

/** A fresh directory with `files` (relative path → content) written into it. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bff-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const CLOUDS = `
clouds:
  prod:
    auth:
      auth_url: https://keystone.prod.example:5000/v3
      username: operator
      password: never-read-this
      project_name: admin
      user_domain_name: Users
      project_domain_name: Projects
    region_name: North
    interface: internalURL
    verify: false
  lab:
    auth:
      auth_url: http://lab.example/identity
    regions: [LabOne, LabTwo]
`;

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig: environment', () => {
  it('applies the OpenStack defaults', () => {
    const config = loadConfig({ OS_AUTH_URL: 'http://keystone:5000/v3' });
    expect(config).toMatchObject({
      OS_INTERFACE: 'public',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_NAME: 'Default',
      OS_INSECURE: false,
      SESSION_IDLE_MINUTES: 30,
    });
    expect(config.OS_CACERT).toBeUndefined();
  });

  it('says what OS_AUTH_URL should be when it is missing or not http(s)', () => {
    expect(problem(() => loadConfig({}))).toMatch(/OS_AUTH_URL: required: the Keystone URL.*OS_CLOUD/);
    expect(problem(() => loadConfig({ OS_AUTH_URL: 'ftp://keystone/v3' }))).toMatch(
      /OS_AUTH_URL: must be an http:\/\/ or https:\/\/ URL/,
    );
  });

  it('reads OS_INSECURE as a boolean and refuses anything else', () => {
    const base = { OS_AUTH_URL: 'https://keystone/v3' };
    expect(loadConfig({ ...base, OS_INSECURE: 'true' }).OS_INSECURE).toBe(true);
    expect(loadConfig({ ...base, OS_INSECURE: 'YES' }).OS_INSECURE).toBe(true);
    expect(loadConfig({ ...base, OS_INSECURE: '0' }).OS_INSECURE).toBe(false);
    expect(problem(() => loadConfig({ ...base, OS_INSECURE: 'maybe' }))).toMatch(
      /OS_INSECURE: must be true or false, not "maybe"/,
    );
  });

  it('accepts an OS_CACERT that holds PEM certificates, and names what is wrong with any other', () => {
    const base = { OS_AUTH_URL: 'https://keystone/v3' };
    expect(loadConfig({ ...base, OS_CACERT: certificate.certPath }).OS_CACERT).toBe(certificate.certPath);
    const dir = tree({
      'empty.pem': 'not a certificate\n',
      'broken.pem': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
    });
    expect(problem(() => loadConfig({ ...base, OS_CACERT: path.join(dir, 'missing.pem') }))).toMatch(
      /OS_CACERT: no such file: .*missing\.pem/,
    );
    expect(problem(() => loadConfig({ ...base, OS_CACERT: path.join(dir, 'empty.pem') }))).toMatch(
      /OS_CACERT: .*empty\.pem holds no PEM certificate/,
    );
    expect(problem(() => loadConfig({ ...base, OS_CACERT: path.join(dir, 'broken.pem') }))).toMatch(
      /OS_CACERT: certificate 1 in .*broken\.pem does not parse/,
    );
  });

  it('lists every bad variable at once', () => {
    const message = problem(() => loadConfig({ OS_AUTH_URL: 'x', OS_INTERFACE: 'private', PORT: 'eighty' }));
    expect(
      message
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(':')[0]),
    ).toEqual(['OS_AUTH_URL', 'OS_INTERFACE', 'PORT']);
  });
});

describe('loadConfig: OS_CLOUD and clouds.yaml', () => {
  it("takes the cloud's Keystone URL, region, interface, domains and verify, and never its password", () => {
    const dir = tree({ 'clouds.yaml': CLOUDS });
    const config = loadConfig({ OS_CLOUD: 'prod' }, { cwd: dir, home: dir });
    expect(config).toMatchObject({
      OS_AUTH_URL: 'https://keystone.prod.example:5000/v3',
      OS_REGION_NAME: 'North',
      OS_INTERFACE: 'internal',
      OS_USER_DOMAIN_NAME: 'Users',
      OS_PROJECT_DOMAIN_NAME: 'Projects',
      OS_INSECURE: true,
    });
    expect(JSON.stringify(config)).not.toMatch(/never-read-this|operator/);
  });

  it('takes the first of a list of regions, and cacert as OS_CACERT', () => {
    const dir = tree({
      'clouds.yaml': `clouds:\n  lab:\n    auth: {auth_url: 'https://lab/v3'}\n    regions: [LabOne, LabTwo]\n    cacert: ${certificate.certPath}\n`,
    });
    const config = loadConfig({ OS_CLOUD: 'lab' }, { cwd: dir, home: dir });
    expect(config).toMatchObject({ OS_REGION_NAME: 'LabOne', OS_CACERT: certificate.certPath, OS_INSECURE: false });
  });

  it('lets environment variables win over clouds.yaml', () => {
    const dir = tree({ 'clouds.yaml': CLOUDS });
    const config = loadConfig(
      { OS_CLOUD: 'prod', OS_REGION_NAME: 'South', OS_INSECURE: 'false', OS_AUTH_URL: 'https://other/v3' },
      { cwd: dir, home: dir },
    );
    expect(config).toMatchObject({ OS_REGION_NAME: 'South', OS_INSECURE: false, OS_AUTH_URL: 'https://other/v3' });
  });

  it("searches in openstacksdk's order: OS_CLIENT_CONFIG_FILE, the working directory, ~/.config/openstack", () => {
    const fileFor = (url: string) => `clouds:\n  c:\n    auth:\n      auth_url: ${url}\n`;
    const home = tree({ '.config/openstack/clouds.yaml': fileFor('https://home/v3') });
    const cwd = tree({ 'clouds.yaml': fileFor('https://cwd/v3') });
    const explicit = tree({ 'mine.yaml': fileFor('https://explicit/v3') });
    const emptyCwd = tree({});
    expect(loadConfig({ OS_CLOUD: 'c' }, { cwd: emptyCwd, home }).OS_AUTH_URL).toBe('https://home/v3');
    expect(loadConfig({ OS_CLOUD: 'c' }, { cwd, home }).OS_AUTH_URL).toBe('https://cwd/v3');
    expect(
      loadConfig({ OS_CLOUD: 'c', OS_CLIENT_CONFIG_FILE: path.join(explicit, 'mine.yaml') }, { cwd, home }).OS_AUTH_URL,
    ).toBe('https://explicit/v3');
    const xdg = tree({ 'openstack/clouds.yaml': fileFor('https://xdg/v3') });
    expect(loadConfig({ OS_CLOUD: 'c', XDG_CONFIG_HOME: xdg }, { cwd: emptyCwd, home }).OS_AUTH_URL).toBe(
      'https://xdg/v3',
    );
  });

  it('names the cloud that is missing and the ones the file has', () => {
    const dir = tree({ 'clouds.yaml': CLOUDS });
    expect(problem(() => loadConfig({ OS_CLOUD: 'staging' }, { cwd: dir, home: dir }))).toMatch(
      /OS_CLOUD: .*clouds\.yaml has no cloud named "staging" \(it has prod, lab\)/,
    );
  });

  it('says where it looked when there is no clouds.yaml, /etc/openstack last', () => {
    const dir = tree({});
    const system = tree({ 'clouds.yaml': CLOUDS });
    expect(loadConfig({ OS_CLOUD: 'prod' }, { cwd: dir, home: dir, system }).OS_REGION_NAME).toBe('North');
    const message = problem(() => loadConfig({ OS_CLOUD: 'prod' }, { cwd: dir, home: dir, system: dir }));
    expect(message).toMatch(/^Invalid configuration:\n {2}OS_CLOUD: no clouds\.yaml found \(looked for /);
    expect(message).toContain(`${dir}/clouds.yaml, ${dir}/.config/openstack/clouds.yaml, ${dir}/clouds.yaml)`);
  });

  it('refuses an OS_CLIENT_CONFIG_FILE that does not exist rather than reading another file', () => {
    const dir = tree({ 'clouds.yaml': CLOUDS });
    expect(
      problem(() => loadConfig({ OS_CLOUD: 'prod', OS_CLIENT_CONFIG_FILE: '/no/such/clouds.yaml' }, { cwd: dir })),
    ).toMatch(/OS_CLIENT_CONFIG_FILE: no such file: \/no\/such\/clouds\.yaml/);
  });

  it('reports broken YAML, and bad values with the place in clouds.yaml they came from', () => {
    const broken = tree({ 'clouds.yaml': 'clouds:\n  prod: [unclosed\n' });
    expect(problem(() => loadConfig({ OS_CLOUD: 'prod' }, { cwd: broken, home: broken }))).toMatch(
      /OS_CLOUD: .*clouds\.yaml is not valid YAML/,
    );
    const bad = tree({
      'clouds.yaml': 'clouds:\n  prod:\n    auth: {auth_url: "keystone:5000"}\n    interface: private\n',
    });
    const message = problem(() => loadConfig({ OS_CLOUD: 'prod' }, { cwd: bad, home: bad }));
    expect(message).toMatch(
      /OS_AUTH_URL: must be an http:\/\/ or https:\/\/ URL \(from auth\.auth_url of cloud "prod" in /,
    );
    expect(message).toMatch(/OS_INTERFACE: .*\(from interface of cloud "prod" in /);
  });
});

describe('hardening settings', () => {
  const base = { OS_AUTH_URL: 'http://keystone.example:5000/v3' };

  it('keeps /metrics and /readyz off the public port by default, on loopback', () => {
    const config = loadConfig(base);
    expect(config.METRICS_PORT).toBe(0);
    expect(config.METRICS_HOST).toBe('127.0.0.1');
    expect(loadConfig({ ...base, METRICS_PORT: 'shared' }).METRICS_PORT).toBe('shared');
    expect(loadConfig({ ...base, METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(() => loadConfig({ ...base, METRICS_PORT: 'public' })).toThrow(/METRICS_PORT/);
  });

  it('refuses a head deadline longer than the whole request deadline, naming both', () => {
    expect(() => loadConfig({ ...base, HEADERS_TIMEOUT_MS: '40000', REQUEST_TIMEOUT_MS: '30000' })).toThrow(
      /HEADERS_TIMEOUT_MS: must not be longer than REQUEST_TIMEOUT_MS/,
    );
  });
});
