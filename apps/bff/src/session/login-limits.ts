import type express from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { slowDown } from 'express-slow-down';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Config } from '../config.js';

const WINDOW_MS = 15 * 60_000;
/** The longest a sign-in is held back, however many failures came before it. */
const MAX_DELAY_MS = 30_000;

/**
 * Only a refused password (Keystone's 401) counts: a correct sign-in never uses up anything, and
 * neither does a request another limit already turned away.
 */
const countsAsFailure = (res: express.Response) => res.statusCode === 401;

/**
 * Who a sign-in names, as Keystone matches it (case-insensitively here, to be safe): the user name,
 * or for an application credential its id, else its owner's name (a secret is guessed like a password).
 */
function userOf(req: express.Request): string {
  const body = req.body as { username?: unknown; applicationCredential?: { id?: unknown; user?: unknown } } | undefined;
  const credential = body?.applicationCredential;
  const name = credential
    ? typeof credential.id === 'string'
      ? `credential:${credential.id}`
      : credential.user
    : body?.username;
  return typeof name === 'string' ? name.trim().toLowerCase().slice(0, 255) : '';
}

/** The client's address, IPv6 taken by its /56 as one client (one host owns a whole prefix). */
const addressOf = (req: express.Request) => ipKeyGenerator(req.ip ?? '');

/**
 * The sign-in throttles, none of which can be turned into a lock-out of somebody else:
 * - per (user name, address): a hard limit on failures; it blocks only that address for that user;
 * - per address, whoever is named: a hard limit on failures, against spraying one password over many users;
 * - per user name, from anywhere: past a number of failures each further attempt is *delayed*, a
 *   little more each time (at most 30 s), and never refused: the right password still gets in.
 * With Redis, replicas count together (rate-limit-redis), so N replicas do not allow N times the limit.
 */
export function loginLimits(config: Config, redis?: Redis): express.RequestHandler[] {
  const store = (prefix: string): { store?: Store } =>
    redis
      ? {
          store: new RedisStore({
            prefix: `cinder-console:login:${prefix}:`,
            sendCommand: (...args: string[]) => redis.call(args[0]!, ...args.slice(1)) as Promise<RedisReply>,
          }),
        }
      : {};
  const common = {
    windowMs: WINDOW_MS,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req: express.Request, res: express.Response) => !countsAsFailure(res),
  };
  const refuse = (_req: express.Request, res: express.Response) => {
    res.status(429).json({
      error: {
        status: 429,
        code: 'tooManyLogins',
        message: 'Too many failed sign-in attempts. Wait a few minutes and try again.',
        requestId: res.locals.requestId,
      },
    });
  };
  const hardLimit = (prefix: string, limit: number, key: (req: express.Request) => string) =>
    rateLimit({
      ...common,
      ...store(prefix),
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: refuse,
      keyGenerator: key,
    });
  return [
    hardLimit('address', config.LOGIN_ADDRESS_RATE_LIMIT, addressOf),
    hardLimit('user-address', config.LOGIN_RATE_LIMIT, (req) => `${userOf(req)}\n${addressOf(req)}`),
    slowDown({
      ...common,
      ...store('user'),
      delayAfter: config.LOGIN_USER_RATE_LIMIT,
      delayMs: (used) => (used - config.LOGIN_USER_RATE_LIMIT) * config.LOGIN_DELAY_STEP_MS,
      maxDelayMs: MAX_DELAY_MS,
      keyGenerator: userOf,
    }),
  ];
}
