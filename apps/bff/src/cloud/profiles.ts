import { z } from 'zod';
import { readCloud, type CloudSettings, type CloudsYamlLocation } from '../clouds-yaml.js';
import { parseWebssoChoices, type WebssoChoice } from './websso-choices.js';

/** One cloud the console signs in to: where its Keystone is and how to pick its endpoints. */
export interface CloudProfile {
  /** Its key in clouds.yaml, which also names its session cookie and the `X-Console-Cloud` header's value. */
  name: string;
  displayName: string;
  OS_AUTH_URL: string;
  OS_REGION_NAME?: string | undefined;
  OS_INTERFACE: 'public' | 'internal' | 'admin';
  OS_USER_DOMAIN_NAME: string;
  OS_PROJECT_DOMAIN_NAME: string;
  /** Its single sign-on buttons (Keystone WebSSO). */
  websso: WebssoChoice[];
}

/** Names go into cookie names and a header: kept to what both carry without escaping. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

const profileSchema = z.object({
  OS_AUTH_URL: z.url({ protocol: /^https?$/, error: 'needs auth.auth_url, an http:// or https:// URL' }),
  OS_REGION_NAME: z.string().min(1).optional(),
  OS_INTERFACE: z.enum(['public', 'internal', 'admin']).default('public'),
  OS_USER_DOMAIN_NAME: z.string().min(1).default('Default'),
  OS_PROJECT_DOMAIN_NAME: z.string().min(1).default('Default'),
});

/** The cloud settings the environment may give as a default for every cloud that leaves them unset. */
const SHARED_DEFAULTS = ['OS_REGION_NAME', 'OS_INTERFACE', 'OS_USER_DOMAIN_NAME', 'OS_PROJECT_DOMAIN_NAME'] as const;
/** One trust for all upstream calls (tls.ts): the clouds must agree on it, or the environment sets it. */
const SHARED_TLS = ['OS_CACERT', 'OS_INSECURE'] as const;

export interface CloudsConfig {
  profiles: CloudProfile[];
  /** TLS settings every cloud agreed on, for the environment to take when it sets none. */
  tls: Partial<Record<(typeof SHARED_TLS)[number], string>>;
}

/**
 * The clouds `OS_CLOUDS` names (comma-separated keys of clouds.yaml), in that order: the first is
 * the one a browser that never chose gets. Returns the problems instead when there are any, each
 * naming the cloud and file.
 */
export function readCloudProfiles(
  env: NodeJS.ProcessEnv,
  location: CloudsYamlLocation,
): { clouds: CloudsConfig } | { problems: string[] } {
  const names = (env.OS_CLOUDS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const problems: string[] = [];
  if (env.OS_AUTH_URL || env.OS_CLOUD)
    problems.push('OS_CLOUDS: takes each cloud from clouds.yaml; unset OS_AUTH_URL and OS_CLOUD');
  if (names.length === 0) problems.push('OS_CLOUDS: name at least one cloud of clouds.yaml');
  for (const name of names) {
    if (!NAME.test(name))
      problems.push(`OS_CLOUDS: "${name}" is not usable as a cloud name here (letters, digits, . _ -)`);
  }
  if (new Set(names).size !== names.length) problems.push('OS_CLOUDS: names a cloud twice');
  if (problems.length) return { problems };

  const settings: CloudSettings[] = [];
  for (const name of names) {
    try {
      settings.push(readCloud(name, env, location));
    } catch (error) {
      problems.push((error as Error).message.replace(/^OS_CLOUD:/, 'OS_CLOUDS:'));
    }
  }
  if (problems.length) return { problems };

  const profiles: CloudProfile[] = [];
  for (const cloud of settings) {
    const defaults = Object.fromEntries(SHARED_DEFAULTS.filter((key) => env[key]).map((key) => [key, env[key]]));
    const parsed = profileSchema.safeParse({ ...defaults, ...cloud.values });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`OS_CLOUDS: cloud "${cloud.cloud}" in ${cloud.file}: ${issue.path.join('.')} ${issue.message}`);
      continue;
    }
    const websso = parseWebssoChoices(cloud.websso ?? '');
    if ('problem' in websso) {
      problems.push(`OS_CLOUDS: cloud "${cloud.cloud}" in ${cloud.file}: websso_choices: ${websso.problem}`);
      continue;
    }
    profiles.push({
      name: cloud.cloud,
      displayName: cloud.displayName ?? cloud.cloud,
      ...parsed.data,
      websso: websso.choices,
    });
  }

  const tls: CloudsConfig['tls'] = {};
  for (const key of SHARED_TLS) {
    if (env[key]) continue;
    const values = new Set(settings.map((cloud) => cloud.values[key] ?? ''));
    if (values.size > 1) {
      problems.push(
        `OS_CLOUDS: the clouds differ in ${key === 'OS_CACERT' ? 'cacert' : 'verify/insecure'}; the console uses one TLS trust ` +
          `for every cloud: set ${key} for all of them (a bundle of every CA for OS_CACERT)`,
      );
    }
    const [value] = values;
    if (values.size === 1 && value) tls[key] = value;
  }
  return problems.length ? { problems } : { clouds: { profiles, tls } };
}
