import express from 'express';
import { stringify } from 'yaml';
import { z } from 'zod';
import {
  createApplicationCredentialSchema,
  type ApplicationCredential,
  type CreatedApplicationCredential,
} from '@cinder-console/cinder';
import type { Config } from '../config.js';
import { HttpError, validationError } from '../errors.js';
import { currentCloud } from '../cloud/directory.js';
import { currentSession, requireSession } from '../session/middleware.js';

/** Keystone's rendering of an application credential (Zed and later). */
const keystoneCredentialSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  project_id: z.string().nullable().optional(),
  roles: z.array(z.looseObject({ name: z.string() })).optional(),
  unrestricted: z.boolean().nullable().optional(),
  expires_at: z.string().nullable().optional(),
  access_rules: z.array(z.looseObject({ service: z.string(), method: z.string(), path: z.string() })).optional(),
  secret: z.string().optional(),
});
type KeystoneCredential = z.infer<typeof keystoneCredentialSchema>;

function toView(credential: KeystoneCredential): ApplicationCredential {
  return {
    id: credential.id,
    name: credential.name,
    description: credential.description ?? null,
    projectId: credential.project_id ?? null,
    roles: (credential.roles ?? []).map((r) => r.name),
    unrestricted: credential.unrestricted === true,
    expiresAt: credential.expires_at ?? null,
    accessRules: credential.access_rules ?? [],
  };
}

/** A `clouds.yaml` entry that signs in with the credential, as openstacksdk reads it. */
function cloudsYamlFor(config: Config, region: string | null, credential: KeystoneCredential, secret: string): string {
  const entry = {
    auth_type: 'v3applicationcredential',
    auth: {
      auth_url: config.OS_AUTH_URL,
      application_credential_id: credential.id,
      application_credential_secret: secret,
    },
    ...(region ? { region_name: region } : {}),
    interface: config.OS_INTERFACE,
    identity_api_version: 3,
  };
  return stringify({ clouds: { [credential.name]: entry } });
}

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not an application credential id');

/**
 * `/api/identity/application-credentials`: the signed-in user's own application credentials, listed,
 * created (the secret in the answer this once, with a `clouds.yaml` entry) and deleted. Keystone
 * decides who may: a restricted credential's session may not create or delete any.
 */
export function applicationCredentialsRouter(): express.Router {
  const router = express.Router();
  const base = (userId: string) => `/users/${encodeURIComponent(userId)}/application_credentials`;

  router.get('/', requireSession, async (_req, res) => {
    const { record } = currentSession(res)!;
    const body = z
      .object({ application_credentials: z.array(keystoneCredentialSchema) })
      .parse(await currentCloud(res).keystone.call(record.token, base(record.user.id)));
    const credentials = body.application_credentials.map(toView).sort((a, b) => a.name.localeCompare(b.name));
    res.json({ applicationCredentials: credentials });
  });

  router.post('/', requireSession, express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = createApplicationCredentialSchema.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { record } = currentSession(res)!;
    const input = parsed.data;
    const unknownRole = input.roles?.find((role) => !record.roles.includes(role));
    if (unknownRole) {
      throw new HttpError(400, 'roleNotHeld', `You do not hold the role ${unknownRole} in this project.`);
    }
    const cloud = currentCloud(res);
    const answer = await cloud.keystone.call(record.token, base(record.user.id), {
      method: 'POST',
      body: {
        application_credential: {
          name: input.name,
          ...(input.description ? { description: input.description } : {}),
          ...(input.roles ? { roles: input.roles.map((name) => ({ name })) } : {}),
          ...(input.expiresAt ? { expires_at: new Date(input.expiresAt).toISOString() } : {}),
          unrestricted: input.unrestricted ?? false,
          ...(input.accessRules?.length ? { access_rules: input.accessRules } : {}),
        },
      },
    });
    const created = z.object({ application_credential: keystoneCredentialSchema }).parse(answer).application_credential;
    if (!created.secret)
      throw new HttpError(502, 'upstreamInvalid', 'Keystone created the credential without a secret.');
    const view: CreatedApplicationCredential = {
      applicationCredential: toView(created),
      secret: created.secret,
      cloudsYaml: cloudsYamlFor(cloud.config, record.region, created, created.secret),
    };
    res.status(201).json(view);
  });

  router.delete('/:id', requireSession, async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    if (!id.success) throw validationError(id.error, ['id']);
    const { record } = currentSession(res)!;
    await currentCloud(res).keystone.call(record.token, `${base(record.user.id)}/${id.data}`, { method: 'DELETE' });
    res.status(204).end();
  });

  return router;
}
