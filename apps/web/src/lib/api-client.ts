import type { z } from 'zod';
import { ApiError, networkError } from './api-error';
import { takeCarriedAnswer } from './carried-answers';
import { cloudHeader } from './tab-cloud';

/**
 * The CSRF token of the current session. The session query keeps it current; every mutating
 * request echoes it, which a page on another site cannot do.
 */
let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiRequest {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal | undefined;
  headers?: Record<string, string>;
}

async function send(path: string, request: ApiRequest): Promise<Response> {
  const method = request.method ?? 'GET';
  const carried = method === 'GET' ? takeCarriedAnswer(path) : undefined;
  if (carried !== undefined) return Response.json(carried);
  const headers: Record<string, string> = { Accept: 'application/json', ...cloudHeader(), ...request.headers };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return response;
}

/** Calls the BFF and parses the answer with `schema`: what comes back is checked, never asserted. */
export async function apiJson<S extends z.ZodType>(
  path: string,
  schema: S,
  request: ApiRequest = {},
): Promise<z.output<S>> {
  const response = await send(path, request);
  return schema.parse(await response.json());
}

/** Calls the BFF for an answer without a body (204, 202). */
export async function apiVoid(path: string, request: ApiRequest = {}): Promise<void> {
  await send(path, request);
}
