import type { ErrorBody, ErrorEnvelope } from '@cinder-console/cinder';
import type { ErrorRequestHandler, Response } from 'express';
import type { z } from 'zod';

/** An error the BFF itself raises; the error handler renders it into the envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ErrorBody['issues'],
  ) {
    super(message);
  }
}

/** An error response from an OpenStack service, already in the envelope's terms (message, request id, service). */
export class UpstreamError extends HttpError {
  constructor(readonly body: ErrorBody) {
    super(body.status, body.code, body.message);
  }
}

/** A 400 naming each invalid field, from a zod error. */
export function validationError(error: z.ZodError, prefix: PropertyKey[] = []): HttpError {
  const issues = error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new HttpError(400, 'invalidInput', `Invalid input: ${summary}`, issues);
}

export function sendEnvelope(res: Response, envelope: ErrorEnvelope): void {
  const requestId = envelope.error.requestId ?? String(res.locals.requestId ?? '');
  res.status(envelope.error.status).json({ error: { ...envelope.error, requestId } });
}

/** The envelope's code and message for a client error raised by a library (serve-static, send). */
const CLIENT_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'badRequest', message: 'The request is malformed.' },
  403: { code: 'forbidden', message: 'That path is not served.' },
  404: { code: 'notFound', message: 'Not found.' },
  405: { code: 'methodNotAllowed', message: 'That method is not allowed here.' },
  412: { code: 'preconditionFailed', message: 'A precondition of the request failed.' },
  416: { code: 'rangeNotSatisfiable', message: 'The requested range cannot be served.' },
};

/** Renders anything thrown into the envelope; unexpected errors are logged and never leak details. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof UpstreamError) return sendEnvelope(res, { error: err.body });
  if (err instanceof HttpError) {
    return sendEnvelope(res, {
      error: {
        status: err.status,
        code: err.code,
        message: err.message,
        ...(err.issues ? { issues: err.issues } : {}),
      },
    });
  }
  // body-parser's errors carry a `type` and an HTTP status.
  const typed = err as { type?: string; status?: number };
  if (typed.type === 'entity.parse.failed') {
    return sendEnvelope(res, {
      error: { status: 400, code: 'malformedJson', message: 'The request body is not valid JSON.' },
    });
  }
  if (typed.type === 'entity.too.large') {
    return sendEnvelope(res, {
      error: { status: 413, code: 'bodyTooLarge', message: 'The request body is too large.' },
    });
  }
  if (typed.type === 'encoding.unsupported' || typed.type === 'charset.unsupported') {
    return sendEnvelope(res, {
      error: { status: 415, code: 'unsupportedEncoding', message: 'Unsupported body encoding.' },
    });
  }
  // serve-static's refusals: no such file (a stale asset name after a deploy), a malformed escape
  // (`/assets/%`), a path that climbs out (`..%2f`). The client's doing, not a server fault: no stack.
  if (typed.status !== undefined && typed.status >= 400 && typed.status < 500) {
    const known = CLIENT_ERRORS[typed.status] ?? CLIENT_ERRORS[400]!;
    req.log?.info({ status: typed.status, reason: (err as Error).message }, 'request refused');
    return sendEnvelope(res, { error: { status: typed.status, ...known } });
  }
  req.log?.error({ err }, 'unhandled error');
  sendEnvelope(res, { error: { status: 500, code: 'internalError', message: 'The console hit an unexpected error.' } });
};
