import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Login } from './contract/client.js';
import { computeUrl, nova } from './contract/nova-helpers.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { expectFault, type Json } from './contract/http.js';

let target: ContractTarget;
let demo: Login;
beforeAll(async () => {
  target = await contractTarget();
  demo = await login(target, 'demo');
});
afterAll(() => target?.close());

describe('Nova servers (list, detail, show) and microversions', () => {
  it("lists the project's servers by id, name and links, newest first, and details them", async () => {
    const listed = await nova('GET', demo, '/servers');
    expect(listed.status).toBe(200);
    expect(listed.body.servers.length).toBeGreaterThan(0);
    for (const server of listed.body.servers) {
      expect(Object.keys(server).sort()).toEqual(['id', 'links', 'name']);
      expect(server.links).toEqual([
        { rel: 'self', href: `${computeUrl(demo)}/servers/${server.id}` },
        { rel: 'bookmark', href: `${computeUrl(demo).replace(/\/v2\.1$/, '')}/servers/${server.id}` },
      ]);
    }
    const detail = await nova('GET', demo, '/servers/detail', undefined, '2.79');
    expect(detail.body.servers.map((s: Json) => s.id)).toEqual(listed.body.servers.map((s: Json) => s.id));
    const first = detail.body.servers[0];
    expect(first).toMatchObject({ tenant_id: demo.projectId, status: 'ACTIVE', locked: false, tags: [] });
    expect(first.flavor).toHaveProperty('original_name');
    const shown = await nova('GET', demo, `/servers/${first.id}`, undefined, '2.79');
    // 2.71 adds server_groups to show only
    expect(shown.body.server).toEqual({ ...first, server_groups: [] });
    // before 2.47 the flavor is a link, not its copy
    const old = await nova('GET', demo, `/servers/${first.id}`);
    expect(Object.keys(old.body.server.flavor).sort()).toEqual(['id', 'links']);
    expect(old.body.server).not.toHaveProperty('locked');
  });

  it('pages with limit and marker and filters by name as a regular expression', async () => {
    const all = (await nova('GET', demo, '/servers')).body.servers as Json[];
    const page = await nova('GET', demo, '/servers?limit=1');
    expect(page.body.servers).toEqual([all[0]]);
    expect(page.body.servers_links[0].rel).toBe('next');
    expect(page.body.servers_links[0].href).toContain(`marker=${all[0].id}`);
    const prefix = all[0].name.slice(0, 3);
    const named = (await nova('GET', demo, `/servers?name=${encodeURIComponent(prefix)}`)).body.servers as Json[];
    expect(named.map((s) => s.id)).toContain(all[0].id);
    expect(named.every((s) => s.name.includes(prefix))).toBe(true);
  });

  it("answers an unknown server with Nova's 404 fault", async () => {
    expectFault(await nova('GET', demo, '/servers/nope'), 404, 'Instance nope could not be found.');
  });

  it('negotiates microversions like Nova: 2.1 by default, latest is 2.93, 406 out of range, 400 malformed', async () => {
    const plain = await nova('GET', demo, '/servers');
    expect(plain.headers.get('openstack-api-version')).toBe('compute 2.1');
    expect(plain.headers.get('x-openstack-nova-api-version')).toBe('2.1');
    expect(plain.headers.get('vary')).toMatch(/OpenStack-API-Version/);
    const latest = await nova('GET', demo, '/servers', undefined, 'latest');
    expect(latest.headers.get('openstack-api-version')).toBe('compute 2.93');
    const tooNew = await nova('GET', demo, '/servers', undefined, '2.999');
    expect(tooNew.status).toBe(406);
    expect(tooNew.body).toEqual({
      computeFault: {
        code: 406,
        message: 'Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.93.',
      },
    });
    expectFault(
      await nova('GET', demo, '/servers', undefined, 'abc'),
      400,
      'API Version String abc is of invalid format. Must be of format MajorNum.MinorNum.',
    );
  });
});
