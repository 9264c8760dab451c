import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';

/**
 * The contract suite's one vocabulary for an HTTP exchange and the OpenStack error envelope, used
 * by every helper module (volumes, storage, Nova, Keystone) and test file.
 */

/** Arbitrary JSON from the API under test: assertions, not types, judge its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** What a contract test needs from one HTTP exchange. */
export interface Reply {
  status: number;
  headers: Headers;
  /** The parsed JSON body: `null` when the body is empty, undefined when it is not JSON. */
  body: Json;
  text: string;
}

/** Any method, a token, an optional JSON body and an optional microversion (of `service`, volume by default). */
export async function call(
  method: string,
  url: string,
  token: string | undefined,
  body?: unknown,
  microversion?: string,
  service: 'volume' | 'compute' = 'volume',
): Promise<Reply> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers['X-Auth-Token'] = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (microversion) headers['OpenStack-API-Version'] = `${service} ${microversion}`;
  const response = await fetch(url, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

const FAULT_KEYS: Record<number, string> = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
};

/** The Cinder fault envelope `{"<key>": {"code", "message"}}` (§8.1), to compare a body with. */
export function fault(code: number, message: string) {
  return { [FAULT_KEYS[code] ?? 'computeFault']: { code, message } };
}

/** Asserts a Cinder fault with an exact message, or one matching a pattern (§8.1). */
export function expectFault(reply: Reply, status: number, message: string | RegExp): void {
  const key = FAULT_KEYS[status] ?? 'computeFault';
  expect({ status: reply.status, keys: Object.keys(reply.body ?? {}) }).toEqual({ status, keys: [key] });
  expect(reply.body[key].code).toBe(status);
  if (typeof message === 'string') expect(reply.body[key].message).toBe(message);
  else expect(reply.body[key].message).toMatch(message);
}

/** The policy refusal text (§8.4). */
export const policyDenied = (rule: string) => `Policy doesn't allow ${rule} to be performed.`;

/** §8.4: the body a caller without the role gets. */
export const policyFault = (rule: string) => fault(403, policyDenied(rule));

/** A name no other test run uses, so tests can share a real cloud. */
export const uniqueName = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
