import { z } from 'zod';

/**
 * What `GET /api/session` and `POST /api/session` return to the browser: who is signed in, where,
 * until when, and the CSRF token to echo. Never the Keystone token.
 */
export const sessionViewSchema = z.object({
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
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** The body of `POST /api/session`. Keystone limits names to 255 characters; passwords get a generous but finite bound. */
export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1, 'Enter a user name').max(255),
  password: z.string().min(1, 'Enter a password').max(4096),
  project: z
    .string()
    .trim()
    .max(255)
    .optional()
    .transform((v) => v || undefined),
  domain: z
    .string()
    .trim()
    .max(255)
    .optional()
    .transform((v) => v || undefined),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

/** `PUT /api/session/project`: switch to another of the user's projects. */
export const switchProjectSchema = z.strictObject({ projectId: z.string().min(1).max(64) });

/** `PUT /api/session/region`: switch to another region of the catalog. */
export const switchRegionSchema = z.strictObject({ region: z.string().min(1).max(255) });
