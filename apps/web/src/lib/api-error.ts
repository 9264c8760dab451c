import { errorEnvelopeSchema, type ErrorBody } from '@cinder-console/cinder';

/** A failed API call, carrying the BFF's envelope: what the cloud said, and the request id to quote. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly upstream: ErrorBody['upstream'];
  readonly issues: ErrorBody['issues'];

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.status;
    this.code = body.code;
    this.requestId = body.requestId;
    this.upstream = body.upstream;
    this.issues = body.issues;
  }

  /** Builds the error from any failed response, even one that is not in the envelope (a proxy's HTML page). */
  static async fromResponse(response: Response): Promise<ApiError> {
    const parsed = errorEnvelopeSchema.safeParse(await response.json().catch(() => undefined));
    if (parsed.success) return new ApiError(parsed.data.error);
    return new ApiError({
      status: response.status,
      code: 'unexpectedResponse',
      message: response.statusText || `HTTP ${response.status}`,
      requestId: response.headers.get('x-request-id') ?? undefined,
    });
  }

  /** The session is gone (signed out elsewhere, expired, or the token was revoked). */
  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

/** The browser could not reach the console's server at all. */
export function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'networkError', message: 'The console server cannot be reached.' });
}
