import { z } from 'zod';

const namedRefSchema = z.looseObject({ id: z.string(), name: z.string() });

export const catalogEndpointSchema = z.looseObject({
  id: z.string().optional(),
  interface: z.string(),
  region_id: z.string().nullable().optional(),
  region: z.string().nullable().optional(),
  url: z.string(),
});
export type CatalogEndpoint = z.infer<typeof catalogEndpointSchema>;

export const catalogServiceSchema = z.looseObject({
  id: z.string().optional(),
  type: z.string(),
  name: z.string().optional(),
  endpoints: z.array(catalogEndpointSchema),
});
export type CatalogService = z.infer<typeof catalogServiceSchema>;

/**
 * The `auth` of a password sign-in (`POST /v3/auth/tokens`): the user by name in its domain,
 * scoped to a project when one is named. Domains default to `Default`, as DevStack and Kolla set up.
 */
export function keystonePasswordAuth(
  user: { name: string; password: string; domain?: string },
  project?: { name: string; domain?: string },
) {
  return {
    identity: {
      methods: ['password'],
      password: { user: { name: user.name, domain: { name: user.domain ?? 'Default' }, password: user.password } },
    },
    ...(project ? { scope: { project: { name: project.name, domain: { name: project.domain ?? 'Default' } } } } : {}),
  };
}

/** The body of Keystone v3 `POST /v3/auth/tokens` (201) and `GET /v3/auth/tokens` (200). */
export const tokenResponseSchema = z.object({
  token: z.looseObject({
    methods: z.array(z.string()),
    user: z.looseObject({
      id: z.string(),
      name: z.string(),
      domain: namedRefSchema,
    }),
    expires_at: z.string(),
    issued_at: z.string(),
    audit_ids: z.array(z.string()).optional(),
    project: z.looseObject({ id: z.string(), name: z.string(), domain: namedRefSchema }).optional(),
    roles: z.array(namedRefSchema).optional(),
    catalog: z.array(catalogServiceSchema).optional(),
  }),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
