import { randomBytes } from 'node:crypto';
import type { ApplicationCredentialLogin, CatalogService, PasswordLogin } from '@cinder-console/cinder';
import type { Config } from '../config.js';
import { HttpError, UpstreamError } from '../errors.js';
import { catalogRegions, selectEndpoint, VOLUME_SERVICE_TYPES } from '../keystone/catalog.js';
import type { IssuedToken, KeystoneClient } from '../keystone/client.js';
import { discoverVolumeApi } from '../proxy/volume-api.js';
import type { SessionRecord } from './session.js';

/** The second step of an MFA sign-in: the passcode, with what the first step left (receipt, user, scope asked for). */
interface TotpStep {
  receipt: string;
  userId: string;
  passcode: string;
  /** Who signed in at the password step, for the audit log. */
  username?: string | undefined;
  project?: string | undefined;
  domain?: string | undefined;
}

/** An unscoped token Keystone's WebSSO posted back (session/websso.ts). */
interface FederatedLogin {
  federatedToken: string;
}

export type LoginInput =
  PasswordLogin | { applicationCredential: ApplicationCredentialLogin } | { totp: TotpStep } | FederatedLogin;

const REFUSED_CREDENTIAL = 'The request you have made requires authentication.';

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
  // A federated user has no default project: the first project the mapping gives a role on.
  if ('federatedToken' in input) return toFirstProject(keystone, input.federatedToken);
  if ('applicationCredential' in input) {
    // The credential carries its project; Keystone refuses a scope next to it.
    const credential = input.applicationCredential;
    return keystone
      .applicationCredentialAuth(
        'id' in credential
          ? credential
          : {
              name: credential.name,
              secret: credential.secret,
              user: { name: credential.user, domain: credential.domain ?? config.OS_USER_DOMAIN_NAME },
            },
      )
      .catch((error: unknown) => {
        // Keystone answers an unknown credential id with 404: told apart from a wrong secret, it would
        // let anyone probe for ids, and it would escape the sign-in throttle, which counts 401s.
        if (error instanceof UpstreamError && error.status === 404) {
          throw new UpstreamError({ ...error.body, status: 401, code: 'unauthorized', message: REFUSED_CREDENTIAL });
        }
        throw error;
      });
  }
  const { project, domain } = 'totp' in input ? input.totp : input;
  const scope = project ? { name: project, domain: domain ?? config.OS_PROJECT_DOMAIN_NAME } : undefined;
  // A user with MFA rules gets ReceiptRequired from the password step; the router asks for the passcode.
  const token = await ('totp' in input
    ? keystone.totpAuth({
        receipt: input.totp.receipt,
        userId: input.totp.userId,
        passcode: input.totp.passcode,
        project: scope,
      })
    : keystone.passwordAuth({
        username: input.username,
        password: input.password,
        userDomain: domain ?? config.OS_USER_DOMAIN_NAME,
        project: scope,
      }));
  return scope ? token : toSomeProject(keystone, token);
}

/** An unscoped login's token as it is when Keystone scoped it to the default project, else re-scoped to the first project. */
async function toSomeProject(keystone: KeystoneClient, unscoped: IssuedToken): Promise<IssuedToken> {
  return unscoped.body.project ? unscoped : toFirstProject(keystone, unscoped.value);
}

/** An unscoped token re-scoped to the first project its user may use; the unscoped one is revoked. */
async function toFirstProject(keystone: KeystoneClient, unscoped: string): Promise<IssuedToken> {
  const [first] = await keystone.listProjects(unscoped);
  try {
    if (!first) {
      throw new HttpError(403, 'noProject', 'This user has no role on any project, so there is nothing to sign in to.');
    }
    return await keystone.rescope(unscoped, first.id);
  } finally {
    // The unscoped token has served its purpose; left alone it would stay valid until it expires.
    await keystone.revoke(unscoped).catch(() => undefined);
  }
}

/** Where the session's services are in `region` (or the first region with Cinder), and Cinder's API version. */
export async function locateServices(
  catalog: CatalogService[],
  token: string,
  config: Config,
  region: string | undefined,
): Promise<Pick<SessionRecord, 'region' | 'volumeApi' | 'imageUrl' | 'computeUrl'>> {
  const endpoint = selectEndpoint(catalog, VOLUME_SERVICE_TYPES, config.OS_INTERFACE, region);
  if (!endpoint) {
    const where = region ? ` in region ${region}` : '';
    throw new HttpError(
      502,
      'noVolumeService',
      `The cloud's service catalog has no ${config.OS_INTERFACE} block-storage (Cinder) endpoint${where}.`,
    );
  }
  const volumeApi = await discoverVolumeApi(endpoint.url, token, config.UPSTREAM_TIMEOUT_MS);
  const image = selectEndpoint(catalog, ['image'], config.OS_INTERFACE, endpoint.region ?? undefined);
  const compute = selectEndpoint(catalog, ['compute'], config.OS_INTERFACE, endpoint.region ?? undefined);
  return { region: endpoint.region, volumeApi, imageUrl: image?.url ?? null, computeUrl: compute?.url ?? null };
}

/** The parts of a session that come from one project-scoped token. */
export async function scopeFromToken(
  keystone: KeystoneClient,
  config: Config,
  token: IssuedToken,
  region: string | undefined,
): Promise<Omit<SessionRecord, 'csrfToken' | 'createdAt' | 'lastSeenAt'>> {
  const catalog = token.body.catalog ?? [];
  const { user, project } = token.body;
  const [services, projects] = await Promise.all([
    locateServices(catalog, token.value, config, region),
    keystone.listProjects(token.value).catch(() => [{ id: project!.id, name: project!.name }]),
  ]);
  return {
    token: token.value,
    tokenExpiresAt: new Date(token.body.expires_at).toISOString(),
    user: { id: user.id, name: user.name, domain: user.domain.name },
    project: { id: project!.id, name: project!.name },
    projects,
    roles: (token.body.roles ?? []).map((r) => r.name),
    regions: catalogRegions(catalog),
    catalog,
    ...services,
  };
}

/** Turns a Keystone login into a session record. */
export async function createSessionRecord(
  keystone: KeystoneClient,
  config: Config,
  input: LoginInput,
): Promise<SessionRecord> {
  const token = await scopedToken(keystone, config, input);
  const now = new Date().toISOString();
  const scope = await scopeFromToken(keystone, config, token, config.OS_REGION_NAME);
  const viaCredential = 'applicationCredential' in input;
  return {
    ...scope,
    // An application credential's token cannot be re-scoped: its project is the only one on offer.
    ...(viaCredential ? { projects: [scope.project], authMethod: 'application_credential' as const } : {}),
    ...('federatedToken' in input ? { authMethod: 'websso' as const } : {}),
    csrfToken: newSecret(),
    createdAt: now,
    lastSeenAt: now,
  };
}
