import { z } from 'zod';

const domainRefSchema = z.object({ id: z.string().optional(), name: z.string().optional() });

const userRefSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  domain: domainRefSchema.optional(),
  password: z.string(),
});

const projectRefSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  domain: domainRefSchema.optional(),
});

const applicationCredentialSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  secret: z.string(),
  user: z
    .object({ id: z.string().optional(), name: z.string().optional(), domain: domainRefSchema.optional() })
    .optional(),
});

/**
 * The body of `POST /v3/auth/tokens`: password, token or application-credential methods,
 * optionally scoped to a project (an application credential brings its own project).
 */
export const authRequestSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.enum(['password', 'token', 'application_credential', 'totp'])).min(1),
      password: z.object({ user: userRefSchema }).optional(),
      token: z.object({ id: z.string() }).optional(),
      application_credential: applicationCredentialSchema.optional(),
      totp: z
        .object({
          user: z.object({
            id: z.string().optional(),
            name: z.string().optional(),
            domain: domainRefSchema.optional(),
            passcode: z.string(),
          }),
        })
        .optional(),
    }),
    scope: z.union([z.object({ project: projectRefSchema }), z.literal('unscoped')]).optional(),
  }),
});
export type AuthRequest = z.infer<typeof authRequestSchema>;
export type ProjectRef = z.infer<typeof projectRefSchema>;
