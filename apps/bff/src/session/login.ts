import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import { catalogRegions, selectEndpoint, VOLUME_SERVICE_TYPES } from '../keystone/catalog.js';
import type { IssuedToken, KeystoneClient } from '../keystone/client.js';
import { discoverVolumeApi } from '../proxy/volume-api.js';
import type { SessionRecord } from './session.js';

export interface LoginInput {
  username: string;
  password: string;
  project?: string | undefined;
  domain?: string | undefined;
}

/** 32 random bytes, url-safe base64: 43 characters, unguessable. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Gets a project-scoped token: directly when the user named a project, otherwise through an
 * unscoped login (which Keystone scopes to the user's default project when it can) and, failing
 * that, by re-scoping to the first project the user may use.
 */
async function scopedToken(keystone: KeystoneClient, config: Config, input: LoginInput): Promise<IssuedToken> {
  const userDomain = input.domain ?? config.OS_USER_DOMAIN_NAME;
  if (input.project) {
    const projectDomain = input.domain ?? config.OS_PROJECT_DOMAIN_NAME;
    return keystone.passwordAuth({
      username: input.username,
      password: input.password,
      userDomain,
      project: { name: input.project, domain: projectDomain },
    });
  }
  const unscoped = await keystone.passwordAuth({ username: input.username, password: input.password, userDomain });
  if (unscoped.body.project) return unscoped;
  const [first] = await keystone.listProjects(unscoped.value);
  if (!first)
    throw new HttpError(403, 'noProject', 'This user has no role on any project, so there is nothing to sign in to.');
  return keystone.rescope(unscoped.value, first.id);
}

/** Turns a Keystone login into a session record: picks the volume endpoint and learns its API version. */
export async function createSessionRecord(
  keystone: KeystoneClient,
  config: Config,
  input: LoginInput,
): Promise<SessionRecord> {
  const token = await scopedToken(keystone, config, input);
  const catalog = token.body.catalog ?? [];
  const endpoint = selectEndpoint(catalog, VOLUME_SERVICE_TYPES, config.OS_INTERFACE, config.OS_REGION_NAME);
  if (!endpoint) {
    const where = config.OS_REGION_NAME ? ` in region ${config.OS_REGION_NAME}` : '';
    throw new HttpError(
      502,
      'noVolumeService',
      `The cloud's service catalog has no ${config.OS_INTERFACE} block-storage (Cinder) endpoint${where}.`,
    );
  }
  const volumeApi = await discoverVolumeApi(endpoint.url, token.value, config.UPSTREAM_TIMEOUT_MS);
  const now = new Date().toISOString();
  const { user, project } = token.body;
  return {
    csrfToken: newSecret(),
    token: token.value,
    tokenExpiresAt: new Date(token.body.expires_at).toISOString(),
    user: { id: user.id, name: user.name, domain: user.domain.name },
    project: { id: project!.id, name: project!.name },
    roles: (token.body.roles ?? []).map((r) => r.name),
    region: endpoint.region,
    regions: catalogRegions(catalog),
    volumeApi,
    createdAt: now,
    lastSeenAt: now,
  };
}
