import { z } from 'zod';

/**
 * What `GET /api/session` and `POST /api/session` return to the browser: who is signed in, where,
 * until when, and the CSRF token to echo. Never the Keystone token.
 */
export const sessionViewSchema = z.object({
  /** The cloud the session is on, when the console offers several (`GET /api/clouds`). */
  cloud: z.object({ name: z.string(), displayName: z.string() }).optional(),
  user: z.object({ id: z.string(), name: z.string(), domain: z.string() }),
  project: z.object({ id: z.string(), name: z.string() }),
  /** Projects the user may switch to. */
  projects: z.array(z.object({ id: z.string(), name: z.string() })),
  roles: z.array(z.string()),
  region: z.string().nullable(),
  regions: z.array(z.string()),
  /** When the session ends at the latest (the Keystone token's expiry), ISO 8601. */
  expiresAt: z.string(),
  /** When the session ends if the user stays idle, ISO 8601. */
  idleExpiresAt: z.string(),
  csrfToken: z.string(),
  volumeApi: z.object({ major: z.number().int(), microversion: z.string().nullable() }),
  /**
   * How the session was signed in: an application credential's session is fixed to its project;
   * `websso` is a federated single sign-on.
   */
  authMethod: z.enum(['password', 'application_credential', 'websso']).default('password'),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

const optionalName = z
  .string()
  .trim()
  .max(255)
  .optional()
  .transform((v) => v || undefined);

/** Password sign-in. Keystone limits names to 255 characters; passwords get a generous but finite bound. */
export const passwordLoginSchema = z.strictObject({
  username: z.string().trim().min(1, 'Enter a user name').max(255),
  password: z.string().min(1, 'Enter a password').max(4096),
  project: optionalName,
  domain: optionalName,
});

const credentialSecret = z.string().min(1, 'Enter the secret').max(4096);

/**
 * Sign-in with an application credential: its id and secret, or its name, its owner's name (and
 * domain) and secret. The credential brings its own project: nothing to choose.
 */
const credentialById = z.strictObject({
  id: z.string().trim().min(1, 'Enter the credential id').max(64),
  secret: credentialSecret,
});
const credentialByName = z.strictObject({
  name: z.string().trim().min(1, 'Enter the credential name').max(255),
  user: z.string().trim().min(1, 'Enter a user name').max(255),
  domain: optionalName,
  secret: credentialSecret,
});
export const applicationCredentialLoginSchema = z.strictObject({
  applicationCredential: z.union([credentialById, credentialByName]),
});

/** The second step of a multi-factor sign-in: the passcode, and the ticket the first step gave. */
export const passcodeLoginSchema = z.strictObject({
  mfa: z.strictObject({
    ticket: z.string().min(20).max(64),
    passcode: z
      .string()
      .trim()
      .refine((value) => /^\d{6,8}$/.test(value), {
        message: 'Enter the passcode: 6 to 8 digits',
        params: { i18n: 'passcode' },
      }),
  }),
});

/**
 * `POST /api/session`'s 202 when the password was right and the user's multi-factor rule wants more
 * (Keystone's auth receipt, which stays in the BFF): the ticket to send with the passcode, and until when.
 */
export const mfaChallengeSchema = z.object({
  mfaRequired: z.object({ ticket: z.string(), methods: z.array(z.string()), expiresAt: z.string() }),
});
export type MfaChallenge = z.infer<typeof mfaChallengeSchema>['mfaRequired'];

const has = (value: unknown, key: string): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && key in value;

/**
 * The schema a `POST /api/session` body is checked with: the one its shape asks for, so that each
 * issue names its field (a union alone would report only "no branch matched").
 */
export function loginSchemaFor(body: unknown): z.ZodType<z.output<typeof loginRequestSchema>> {
  if (has(body, 'mfa')) return passcodeLoginSchema;
  if (!has(body, 'applicationCredential')) return passwordLoginSchema;
  const credential = body.applicationCredential;
  return z.strictObject({ applicationCredential: has(credential, 'name') ? credentialByName : credentialById });
}

/** The body of `POST /api/session`: a password or an application credential. */
export const loginRequestSchema = z.union([passwordLoginSchema, applicationCredentialLoginSchema, passcodeLoginSchema]);
export type LoginRequest = z.input<typeof loginRequestSchema>;
export type PasswordLogin = z.output<typeof passwordLoginSchema>;
export type ApplicationCredentialLogin = z.output<typeof applicationCredentialLoginSchema>['applicationCredential'];

/** `GET /api/clouds`: the clouds the console offers (public), and which this browser is signed in to. */
export const cloudListSchema = z.object({
  clouds: z.array(z.object({ name: z.string(), displayName: z.string(), signedIn: z.boolean() })),
  /** The cloud a page opened without naming one is about (the one last signed in to). */
  current: z.string(),
});
export type CloudList = z.infer<typeof cloudListSchema>;

/** `PUT /api/clouds/current`: make a cloud the one new pages of this browser open on. */
export const chooseCloudSchema = z.strictObject({ cloud: z.string().min(1).max(40) });

/** `PUT /api/session/project`: switch to another of the user's projects. */
export const switchProjectSchema = z.strictObject({ projectId: z.string().min(1).max(64) });

/** `PUT /api/session/region`: switch to another region of the catalog. */
export const switchRegionSchema = z.strictObject({ region: z.string().min(1).max(255) });
