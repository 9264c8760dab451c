import type { ContractTarget } from './target.js';
import { keystonePasswordAuth } from '@cinder-console/cinder';

export interface Login {
  token: string;
  projectId: string;
  body: { token: Record<string, unknown> & { roles?: Array<{ name: string }>; catalog?: CatalogEntry[] } };
  /** The public volumev3 endpoint from the catalog (`…/v3/<project_id>`). */
  volumeUrl: string;
}

interface CatalogEntry {
  type: string;
  endpoints: Array<{ interface: string; url: string }>;
}

export function passwordAuthBody(user: string, password: string, project?: string) {
  return { auth: keystonePasswordAuth({ name: user, password }, project ? { name: project } : undefined) };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Signs in as a seed user on the user's own project and finds the volume endpoint. */
export async function login(target: ContractTarget, user: 'admin' | 'demo' | 'alt_demo' | 'reader'): Promise<Login> {
  const project = user === 'reader' ? 'demo' : user;
  const response = await postJson(
    `${target.authUrl}/auth/tokens`,
    passwordAuthBody(user, target.passwordOf(user), project),
  );
  if (response.status !== 201) throw new Error(`login as ${user} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as Login['body'];
  const catalog = body.token.catalog ?? [];
  const volume = catalog.find((s) => s.type === 'volumev3')?.endpoints.find((e) => e.interface === 'public');
  if (!volume) throw new Error('no public volumev3 endpoint in the catalog');
  const project_ = body.token.project as { id: string };
  return {
    token: response.headers.get('x-subject-token')!,
    projectId: project_.id,
    body,
    volumeUrl: volume.url.replace(/\/+$/, ''),
  };
}

/** GET with a token and, optionally, a microversion. */
export function get(url: string, token: string | undefined, microversion?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers['X-Auth-Token'] = token;
  if (microversion) headers['OpenStack-API-Version'] = `volume ${microversion}`;
  return fetch(url, { headers });
}

export const REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Creates a volume and waits until it is available; returns its id. */
export async function createVolume(session: Login, volume: Record<string, unknown> = {}): Promise<string> {
  const response = await postJson(
    `${session.volumeUrl}/volumes`,
    { volume: { size: 1, ...volume } },
    { 'X-Auth-Token': session.token },
  );
  if (response.status !== 202) throw new Error(`volume create failed: ${response.status} ${await response.text()}`);
  const { volume: created } = (await response.json()) as { volume: { id: string } };
  const { waitForStatus } = await import('./wait.js');
  await waitForStatus(`${session.volumeUrl}/volumes/${created.id}`, session.token, ['available']);
  return created.id;
}

/** Deletes volumes (cascading to snapshots) and waits until they are gone; missing ones are fine. */
export async function deleteVolumes(session: Login, ids: string[]): Promise<void> {
  const { waitForStatus } = await import('./wait.js');
  for (const id of ids) {
    await fetch(`${session.volumeUrl}/volumes/${id}?cascade=true`, {
      method: 'DELETE',
      headers: { 'X-Auth-Token': session.token },
    });
  }
  for (const id of ids) {
    await waitForStatus(`${session.volumeUrl}/volumes/${id}`, session.token, ['deleted', 'error_deleting']);
  }
}
