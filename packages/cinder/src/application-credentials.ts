import { z } from 'zod';

/** One access rule: the credential may make only such calls (Keystone API 3.13, Train and later). */
export const accessRuleSchema = z.strictObject({
  service: z.string().trim().min(1).max(64),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().trim().min(1).max(255).startsWith('/'),
});
export type AccessRule = z.infer<typeof accessRuleSchema>;

/**
 * An application credential as the console shows it (`GET /api/identity/application-credentials`).
 * Never the secret: Keystone shows it once, at creation, and keeps only a hash.
 */
export const applicationCredentialSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  projectId: z.string().nullable(),
  roles: z.array(z.string()),
  unrestricted: z.boolean(),
  expiresAt: z.string().nullable(),
  accessRules: z.array(z.looseObject({ service: z.string(), method: z.string(), path: z.string() })),
});
export type ApplicationCredential = z.infer<typeof applicationCredentialSchema>;

export const applicationCredentialListSchema = z.object({
  applicationCredentials: z.array(applicationCredentialSchema),
});

/**
 * `POST /api/identity/application-credentials`: a name (unique per user, as Keystone requires),
 * the roles to delegate (a subset of the session's; all of them when left out), an optional expiry
 * in the future, the unrestricted flag (lets the credential create more credentials: off unless asked)
 * and access rules where the cloud supports them.
 */
export const createApplicationCredentialSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name')
    .max(255)
    .regex(/^[^\s/]+$/, 'Use a name without spaces or slashes'),
  description: z.string().trim().max(255).optional(),
  roles: z.array(z.string().min(1).max(255)).min(1, 'Choose at least one role').max(64).optional(),
  expiresAt: z.iso
    .datetime({ offset: true })
    .refine((value) => Date.parse(value) > Date.now(), {
      message: 'Choose a time in the future',
      params: { i18n: 'futureTime' },
    })
    .optional(),
  unrestricted: z.boolean().optional(),
  accessRules: z.array(accessRuleSchema).max(64).optional(),
});
export type CreateApplicationCredential = z.input<typeof createApplicationCredentialSchema>;

/** The answer to a create: the credential, its secret (this once) and a `clouds.yaml` entry using it. */
export const createdApplicationCredentialSchema = z.object({
  applicationCredential: applicationCredentialSchema,
  secret: z.string(),
  cloudsYaml: z.string(),
});
export type CreatedApplicationCredential = z.infer<typeof createdApplicationCredentialSchema>;

/** `POST /api/identity/totp`'s answer: the new TOTP secret (base32), its `otpauth://` URI and that URI as an SVG QR code. */
export const totpRegistrationSchema = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export type TotpRegistration = z.infer<typeof totpRegistrationSchema>;

export const totpStatusSchema = z.object({ registered: z.boolean() });
