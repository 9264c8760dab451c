import { keystonePasswordAuth, tokenResponseSchema, type TokenResponse } from '@cinder-console/cinder';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import { upstreamAgents, type UpstreamTlsSettings } from '../tls.js';
import { sendUpstream, unreachable, upstreamFailure, upstreamFetch } from './upstream-fetch.js';

export interface IssuedToken {
  /** The secret itself: never leaves the BFF. */
  value: string;
  body: TokenResponse['token'];
}

const RECEIPT_HEADER = 'Openstack-Auth-Receipt';

/** Keystone's 401 body beside an auth receipt: who passed which methods, and the rules still open. */
const receiptResponseSchema = z.object({
  receipt: z.looseObject({ methods: z.array(z.string()), user: z.looseObject({ id: z.string() }) }),
  required_auth_methods: z.array(z.array(z.string())),
});

/**
 * Keystone's answer when the user's MFA rules want more than was given: the receipt for what was
 * (never shown to the browser) and the rules, one of which the next request must complete.
 */
export class ReceiptRequired extends Error {
  constructor(
    readonly receipt: string,
    readonly userId: string,
    /** The methods the receipt stands for. */
    readonly passed: string[],
    readonly rules: string[][],
  ) {
    super('Keystone wants another authentication method.');
  }
}

export interface KeystoneClient {
  passwordAuth(input: {
    username: string;
    password: string;
    userDomain: string;
    project?: { name: string; domain: string } | undefined;
  }): Promise<IssuedToken>;
  /** The `application_credential` method: by id, or by name and its owner's name and domain. */
  applicationCredentialAuth(input: {
    id?: string | undefined;
    name?: string | undefined;
    user?: { name: string; domain: string } | undefined;
    secret: string;
  }): Promise<IssuedToken>;
  /** Completes an MFA sign-in: a TOTP passcode with the receipt of the methods already passed. */
  totpAuth(input: {
    receipt: string;
    userId: string;
    passcode: string;
    project?: { name: string; domain: string } | undefined;
  }): Promise<IssuedToken>;
  rescope(token: string, projectId: string): Promise<IssuedToken>;
  listProjects(token: string): Promise<Array<{ id: string; name: string }>>;
  /** Every project of the cloud (`GET /v3/projects`): Keystone lets only admins ask. */
  listAllProjects(token: string): Promise<Array<{ id: string; name: string; domainId: string | null }>>;
  revoke(token: string): Promise<void>;
  /** Another Keystone v3 call on the token's behalf (`path` below `/v3`): its JSON, or null for a 204. */
  call(token: string, path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
}

const projectsSchema = z.object({
  projects: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      enabled: z.boolean().optional(),
      domain_id: z.string().nullable().optional(),
    }),
  ),
});

/**
 * A Keystone v3 client for the calls the BFF makes on a user's behalf, trusting Keystone's
 * certificate as `tls` says (OS_CACERT, OS_INSECURE); without it, as the agents installed at boot do.
 */
export function keystoneClient(baseUrl: string, timeoutMs: number, tls?: UpstreamTlsSettings): KeystoneClient {
  const agents = tls && upstreamAgents(tls);
  const json = { 'Content-Type': 'application/json', Accept: 'application/json' };

  async function issue(auth: unknown, receipt?: string): Promise<IssuedToken> {
    let response: Response;
    try {
      response = await sendUpstream(`${baseUrl}/auth/tokens`, {
        method: 'POST',
        headers: receipt ? { ...json, [RECEIPT_HEADER]: receipt } : json,
        body: JSON.stringify({ auth }),
        timeoutMs,
        ...(agents ? { agents } : {}),
      });
    } catch (error) {
      throw unreachable('keystone', error, timeoutMs);
    }
    const nextReceipt = response.headers.get(RECEIPT_HEADER);
    if (response.status === 401 && nextReceipt) {
      const body = receiptResponseSchema.safeParse(await response.json().catch(() => undefined));
      if (body.success) {
        throw new ReceiptRequired(
          nextReceipt,
          body.data.receipt.user.id,
          body.data.receipt.methods,
          body.data.required_auth_methods,
        );
      }
    }
    if (response.status >= 400) throw await upstreamFailure('keystone', response);
    const value = response.headers.get('x-subject-token');
    const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => undefined));
    if (!value || !parsed.success) {
      throw new HttpError(502, 'upstreamInvalid', 'Keystone answered the login with an unexpected response.');
    }
    return { value, body: parsed.data.token };
  }

  return {
    passwordAuth({ username, password, userDomain, project }) {
      return issue(keystonePasswordAuth({ name: username, domain: userDomain, password }, project));
    },
    applicationCredentialAuth({ id, name, user, secret }) {
      const credential =
        id !== undefined
          ? { id, secret }
          : { name, secret, user: { name: user?.name, domain: { name: user?.domain } } };
      return issue({ identity: { methods: ['application_credential'], application_credential: credential } });
    },
    totpAuth({ receipt, userId, passcode, project }) {
      return issue(
        {
          identity: { methods: ['totp'], totp: { user: { id: userId, passcode } } },
          ...(project ? { scope: { project: { name: project.name, domain: { name: project.domain } } } } : {}),
        },
        receipt,
      );
    },
    rescope(token, projectId) {
      return issue({ identity: { methods: ['token'], token: { id: token } }, scope: { project: { id: projectId } } });
    },
    async listProjects(token) {
      const response = await upstreamFetch('keystone', `${baseUrl}/auth/projects`, {
        headers: { ...json, 'X-Auth-Token': token },
        timeoutMs,
        ...(agents ? { agents } : {}),
      });
      const parsed = projectsSchema.parse(await response.json());
      return parsed.projects.filter((p) => p.enabled !== false).map(({ id, name }) => ({ id, name }));
    },
    async listAllProjects(token) {
      const response = await upstreamFetch('keystone', `${baseUrl}/projects`, {
        headers: { ...json, 'X-Auth-Token': token },
        timeoutMs,
        ...(agents ? { agents } : {}),
      });
      const parsed = projectsSchema.parse(await response.json());
      return parsed.projects.map(({ id, name, domain_id }) => ({ id, name, domainId: domain_id ?? null }));
    },
    async revoke(token) {
      const response = await upstreamFetch('keystone', `${baseUrl}/auth/tokens`, {
        method: 'DELETE',
        headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
        timeoutMs,
        ...(agents ? { agents } : {}),
      });
      // Read to the end, so that the connection goes back to the pool.
      await response.arrayBuffer();
    },
    async call(token, path, init = {}) {
      const response = await upstreamFetch('keystone', `${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: { ...json, 'X-Auth-Token': token },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        timeoutMs,
        ...(agents ? { agents } : {}),
      });
      const text = await response.text();
      return text ? (JSON.parse(text) as unknown) : null;
    },
  };
}
