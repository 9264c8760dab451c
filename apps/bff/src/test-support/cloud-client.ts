import { keystonePasswordAuth } from '@cinder-console/cinder';

/** A project-scoped token and the Cinder endpoint, got from Keystone as the `openstack` CLI gets them. */
export interface CloudClient {
  token: string;
  projectId: string;
  cinderUrl: string;
  /** Calls Cinder straight, at microversion 3.60: nothing passes through the BFF. */
  cinder(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
}

/** Signs `user` in at Keystone (password = user name, as the emulator seeds it). */
export async function cloudClient(authUrl: string, user: string, password = user): Promise<CloudClient> {
  const response = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: keystonePasswordAuth({ name: user, password }, { name: user }),
    }),
  });
  if (response.status !== 201) throw new Error(`Keystone refused ${user}: ${response.status}`);
  const body = (await response.json()) as {
    token: {
      project: { id: string };
      catalog: Array<{ type: string; endpoints: Array<{ interface: string; url: string }> }>;
    };
  };
  const cinder = body.token.catalog.find((entry) => entry.type === 'volumev3' || entry.type === 'block-storage')!;
  const token = response.headers.get('x-subject-token')!;
  const cinderUrl = cinder.endpoints.find((e) => e.interface === 'public')!.url;
  return {
    token,
    projectId: body.token.project.id,
    cinderUrl,
    cinder: (path, init = {}) =>
      fetch(`${cinderUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          'X-Auth-Token': token,
          'Content-Type': 'application/json',
          'OpenStack-API-Version': 'volume 3.60',
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      }),
  };
}
