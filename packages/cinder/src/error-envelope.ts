import { z } from 'zod';

/**
 * The one error shape the BFF sends the browser, whatever failed: a Cinder fault, a Keystone
 * error, a webob page, a network failure or the BFF's own validation.
 */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    status: z.number().int(),
    /** Machine-readable: Cinder's fault key (`itemNotFound`), Keystone's title in camel case, or the BFF's own code. */
    code: z.string(),
    /** Human-readable, shown to the user as the cloud wrote it. */
    message: z.string(),
    /** The upstream `x-openstack-request-id` when there was one, else the BFF's own request id. */
    requestId: z.string().optional(),
    /** Which service produced the error, when it was not the BFF itself. */
    upstream: z.enum(['keystone', 'cinder', 'glance', 'nova']).optional(),
    /** Field-level problems from input validation. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
export type ErrorBody = ErrorEnvelope['error'];

/** Cinder's fault: `{"itemNotFound": {"code": 404, "message": "..."}}`, exactly one top-level key. */
const cinderFaultSchema = z
  .record(z.string(), z.looseObject({ code: z.number().optional(), message: z.string() }))
  .refine((body) => Object.keys(body).length === 1);

/** Keystone's (and keystonemiddleware's) error: `{"error": {"code": 401, "title": "Unauthorized", "message": "..."}}`. */
const keystoneErrorSchema = z.object({
  error: z.looseObject({
    code: z.number().optional(),
    title: z.string().optional(),
    message: z.string(),
  }),
});

function camelCase(title: string): string {
  const words = title.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words
    .map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase()))
    .join('');
}

const SERVICE_NAMES = {
  keystone: 'Keystone (identity)',
  cinder: 'Cinder (block storage)',
  glance: 'Glance (images)',
  nova: 'Nova (compute)',
};

/**
 * Default message when an upstream error body says nothing usable (an HTML page, an empty body).
 * A server-side failure names the service and status, so that "Keystone is down" reads as such.
 */
function genericMessage(status: number, upstream: NonNullable<ErrorBody['upstream']>): string {
  if (status === 404) return 'The resource could not be found.';
  if (status === 413) return 'The request is too large.';
  if (status === 503) return `${SERVICE_NAMES[upstream]} is unavailable (HTTP 503). Try again in a moment.`;
  if (status >= 500) return `${SERVICE_NAMES[upstream]} could not complete the request (HTTP ${status}).`;
  return `The cloud refused the request (HTTP ${status}).`;
}

/**
 * Translates an upstream error response into the envelope. `body` is the raw text; every shape
 * OpenStack produces is recognised, and anything else still yields a message rather than a crash.
 */
export function envelopeFromUpstream(input: {
  status: number;
  body: string;
  requestId?: string | undefined;
  upstream: NonNullable<ErrorBody['upstream']>;
}): ErrorEnvelope {
  const { status, body, requestId, upstream } = input;
  const base = { status, upstream, ...(requestId ? { requestId } : {}) };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const keystone = keystoneErrorSchema.safeParse(json);
  if (keystone.success) {
    const { title, message } = keystone.data.error;
    return { error: { ...base, code: title ? camelCase(title) : 'error', message } };
  }
  const fault = cinderFaultSchema.safeParse(json);
  if (fault.success) {
    const [code, detail] = Object.entries(fault.data)[0]!;
    return { error: { ...base, code, message: detail.message } };
  }
  return { error: { ...base, code: 'upstreamError', message: genericMessage(status, upstream) } };
}
