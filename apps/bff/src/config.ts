import { z } from 'zod';
import { readCloud, type CloudSettings, type CloudsYamlLocation } from './clouds-yaml.js';
import { readCloudProfiles, type CloudProfile } from './cloud/profiles.js';
import { parseWebssoChoices } from './cloud/websso-choices.js';
import { readCaBundle } from './tls.js';

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  yes: true,
  '1': true,
  false: false,
  no: false,
  '0': false,
  '': false,
};

/**
 * The BFF's environment, with the OpenStack client conventions (`OS_*`) for the cloud.
 * Parsed once at start; a bad value stops the process with a message naming the variable.
 */
export const configSchema = z.object({
  OS_AUTH_URL: z.url({
    protocol: /^https?$/,
    error: (issue) =>
      issue.input === undefined
        ? 'required: the Keystone URL, e.g. https://keystone.example.com:5000/v3 (or name a cloud with OS_CLOUD)'
        : 'must be an http:// or https:// URL',
  }),
  OS_REGION_NAME: z.string().min(1).optional(),
  OS_INTERFACE: z.enum(['public', 'internal', 'admin']).default('public'),
  OS_USER_DOMAIN_NAME: z.string().min(1).default('Default'),
  OS_PROJECT_DOMAIN_NAME: z.string().min(1).default('Default'),
  /** A cloud in clouds.yaml to take the settings above from; environment variables still win. */
  OS_CLOUD: z.string().min(1).optional(),
  /**
   * Several clouds in one console (comma-separated clouds.yaml names): the sign-in page offers them
   * and each browser keeps one session per cloud. Each cloud's settings come from its entry.
   */
  OS_CLOUDS: z.string().min(1).optional(),
  /**
   * Single sign-on through Keystone's WebSSO (federation): `idp/protocol=Label` entries,
   * comma-separated, each a button on the sign-in page. With OS_CLOUDS, each cloud's
   * `websso_choices` in clouds.yaml instead.
   */
  OS_WEBSSO_CHOICES: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return [];
      const parsed = parseWebssoChoices(text);
      if ('problem' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      }
      return parsed.choices;
    }),
  /** A clouds.yaml to read before the usual places. */
  OS_CLIENT_CONFIG_FILE: z.string().min(1).optional(),
  /** A PEM file of CA certificates to trust for every upstream HTTPS call (Keystone, Cinder, Glance). */
  OS_CACERT: z
    .string()
    .min(1)
    .optional()
    .superRefine((path, ctx) => {
      if (path === undefined) return;
      try {
        readCaBundle(path);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  /** Skips TLS certificate verification for upstream calls. For testing only. */
  OS_INSECURE: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const flag = BOOLEAN_WORDS[value.trim().toLowerCase()];
      if (flag === undefined) {
        ctx.addIssue({ code: 'custom', message: `must be true or false, not "${value}"` });
        return z.NEVER;
      }
      return flag;
    }),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** Key material for encrypting tokens at rest; a random one is made when unset (sessions then die with the process). */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  /** Shared session store for several replicas (`redis://host:6379/0`); unset keeps sessions in memory. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  /**
   * Which proxies in front of the BFF to believe about the client (X-Forwarded-For/-Proto), so that
   * cookies get `Secure` behind TLS and rate limits count real clients: `false` (default), `true`
   * (the one proxy directly in front), a hop count, or Express's names and CIDRs (`loopback, 10.0.0.0/8`).
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value): boolean | number | string => {
      if (['false', '0', 'no', ''].includes(value)) return false;
      if (['true', 'yes'].includes(value)) return 1;
      return /^\d+$/.test(value) ? Number(value) : value;
    }),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** Where the built SPA lives; unset serves the API only. */
  STATIC_DIR: z.string().optional(),
  /** Live relay: poll interval while something changes, the background refresh, and the pace for long operations. */
  LIVE_FAST_MS: z.coerce.number().int().min(100).default(1000),
  LIVE_SLOW_MS: z.coerce.number().int().min(1000).default(30_000),
  LIVE_PATIENT_MS: z.coerce.number().int().min(100).default(3000),
  /**
   * Live relay: the background pace for kinds the cloud can list by `updated_at` (volumes from
   * microversion 3.60), where a look costs two small calls; LIVE_SLOW_MS is then the full-list safety net.
   */
  LIVE_WATCH_MS: z.coerce.number().int().min(200).default(1000),
  /** Open event streams one session may hold (one per browser tab). */
  LIVE_STREAMS_PER_SESSION: z.coerce.number().int().min(1).default(32),
  /**
   * Cinder's notifications on the message bus (`rabbit://user:pass@host:5672/vhost`, oslo.messaging's
   * transport URL): the relay reacts to them within a fraction of a second; unset, it only polls.
   */
  OS_NOTIFICATIONS_URL: z
    .string()
    .regex(/^rabbit:\/\/[^@/]*@?[^/]+\/?/, 'OS_NOTIFICATIONS_URL must be a rabbit:// transport URL')
    .optional(),
  /** The exchange Cinder's notifications go to (oslo.messaging's `control_exchange`: `openstack` unless the deployment sets it). */
  OS_NOTIFICATIONS_EXCHANGE: z.string().min(1).default('openstack'),
  /** The notification topic (oslo.messaging's `[oslo_messaging_notifications] topics`). */
  OS_NOTIFICATIONS_TOPIC: z.string().min(1).default('notifications'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Failed sign-ins per (user name, client address) per 15 minutes; past it that pair is refused (429). */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Failed sign-ins per client address, whatever the user names, per 15 minutes (password spraying). */
  LOGIN_ADDRESS_RATE_LIMIT: z.coerce.number().int().positive().default(100),
  /** Failed sign-ins per user name per 15 minutes, from any address, before each further attempt is slowed. */
  LOGIN_USER_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** The slow-down per failure past LOGIN_USER_RATE_LIMIT (growing, at most 30 s): a delay, never a lock-out. */
  LOGIN_DELAY_STEP_MS: z.coerce.number().int().min(0).default(1000),
  /**
   * Where `/metrics` and `/readyz` answer: a port of their own on METRICS_HOST, so that they are not
   * on the public port. 0 (the default) picks a free one, named at start; set a fixed one to scrape
   * or probe it (9464 is Prometheus's usual). `shared` serves them on the main port as well.
   */
  METRICS_PORT: z.union([z.literal('shared'), z.coerce.number().int().min(0).max(65535)]).default(0),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Node's limits: the whole request (head and body), the head alone, and open connections. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** An API request's body must arrive within this (bodies are at most ~112 KB). */
  BODY_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  MAX_CONNECTIONS: z.coerce.number().int().positive().default(2000),
  /** The audit trail kept per project: at most this many entries, none older than AUDIT_MAX_AGE_DAYS. */
  AUDIT_MAX_ENTRIES_PER_PROJECT: z.coerce.number().int().positive().default(10_000),
  AUDIT_MAX_AGE_DAYS: z.coerce.number().positive().default(90),
});

export type Config = z.infer<typeof configSchema> & {
  /** With OS_CLOUDS, the clouds in their order; without, the one cloud the OS_* settings describe. */
  clouds?: CloudProfile[];
};

/** Replicas sharing Redis must share the key that seals tokens; a random one per process cannot work. */
function checkConsistency(config: Config): string[] {
  const problems: string[] = [];
  if (config.REDIS_URL && !config.SESSION_SECRET)
    problems.push(
      '  SESSION_SECRET: required with REDIS_URL (every replica must seal and open tokens with the same key)',
    );
  // Node refuses a head timeout longer than the whole request's.
  if (config.HEADERS_TIMEOUT_MS > config.REQUEST_TIMEOUT_MS)
    problems.push('  HEADERS_TIMEOUT_MS: must not be longer than REQUEST_TIMEOUT_MS');
  return problems;
}

/**
 * With OS_CLOUD, the cloud's settings from clouds.yaml under the environment: a variable that is set
 * (and not empty) wins over the file, as with the OpenStack clients.
 */
function withCloud(
  env: NodeJS.ProcessEnv,
  location: CloudsYamlLocation,
): { env: NodeJS.ProcessEnv; cloud?: CloudSettings } {
  if (!env.OS_CLOUD) return { env };
  let cloud: CloudSettings;
  try {
    cloud = readCloud(env.OS_CLOUD, env, location);
  } catch (error) {
    throw new Error(`Invalid configuration:\n  ${(error as Error).message}`, { cause: error });
  }
  const merged: NodeJS.ProcessEnv = { ...env };
  for (const [name, value] of Object.entries(cloud.values)) if (!env[name]) merged[name] = value;
  return { env: merged, cloud };
}

/**
 * Parses the environment (and, with OS_CLOUD, clouds.yaml) or throws one error that lists every
 * bad variable, saying which came from clouds.yaml.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, location: CloudsYamlLocation = {}): Config {
  let clouds: CloudProfile[] | undefined;
  if (env.OS_CLOUDS !== undefined) {
    const read = readCloudProfiles(env, location);
    if ('problems' in read) throw new Error(`Invalid configuration:\n${read.problems.map((p) => `  ${p}`).join('\n')}`);
    clouds = read.clouds.profiles;
    // The shared settings (TLS, timeouts, ...) are checked as for one cloud; the first cloud stands in for OS_AUTH_URL.
    env = { ...env, ...read.clouds.tls, OS_AUTH_URL: clouds[0]!.OS_AUTH_URL };
  }
  const { env: merged, cloud } = withCloud(env, location);
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const source = cloud && !env[name] ? cloud.sources[name as keyof CloudSettings['sources']] : undefined;
      const origin = source ? ` (from ${source} of cloud "${cloud!.cloud}" in ${cloud!.file})` : '';
      return `  ${name}: ${issue.message}${origin}`;
    });
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const problems = checkConsistency(result.data);
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  return clouds ? { ...result.data, clouds } : result.data;
}
