import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** Where to look for `clouds.yaml`: the working directory, `~`, and the system directory. Tests point these elsewhere. */
export interface CloudsYamlLocation {
  cwd?: string;
  home?: string;
  /** `/etc/openstack` unless told otherwise. */
  system?: string;
}

/** The environment variables a cloud entry can set, with where in the entry each came from. */
export interface CloudSettings {
  file: string;
  cloud: string;
  values: Partial<Record<CloudVariable, string>>;
  sources: Partial<Record<CloudVariable, string>>;
  /** The entry's `display_name`: what the console's sign-in page calls the cloud (several clouds). */
  displayName?: string;
  /** The entry's `websso_choices` (OS_WEBSSO_CHOICES's syntax): the cloud's single sign-on buttons. */
  websso?: string;
}

type CloudVariable =
  | 'OS_AUTH_URL'
  | 'OS_REGION_NAME'
  | 'OS_INTERFACE'
  | 'OS_USER_DOMAIN_NAME'
  | 'OS_PROJECT_DOMAIN_NAME'
  | 'OS_CACERT'
  | 'OS_INSECURE';

const text = z.string().trim().min(1);
const flag = z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False'])]);

/**
 * The parts of a cloud entry the BFF uses. Everything else (user name, password, project,
 * `secure.yaml`) is the business of the person signing in, never of the BFF, and is not read.
 */
const cloudSchema = z.looseObject({
  auth: z
    .looseObject({
      auth_url: text.optional(),
      user_domain_name: text.optional(),
      project_domain_name: text.optional(),
    })
    .optional(),
  region_name: text.optional(),
  regions: z.array(z.union([text, z.looseObject({ name: text })])).optional(),
  interface: text.optional(),
  /** The pre-`interface` spelling (`publicURL`). */
  endpoint_type: text.optional(),
  cacert: text.optional(),
  verify: flag.optional(),
  insecure: flag.optional(),
  /** Not read by openstacksdk, which keeps unknown keys: the console's name for the cloud. */
  display_name: text.max(64).optional(),
  websso_choices: text.optional(),
});

const fileSchema = z.looseObject({ clouds: z.record(z.string(), z.unknown()) });

/**
 * The files searched, in openstacksdk's order: `OS_CLIENT_CONFIG_FILE`, then `clouds.yaml` in the
 * working directory, in the user's config directory (`$XDG_CONFIG_HOME/openstack`, by default
 * `~/.config/openstack`), and in `/etc/openstack`. The first that exists is the one read.
 */
function cloudsYamlCandidates(env: NodeJS.ProcessEnv, location: CloudsYamlLocation = {}): string[] {
  const home = location.home ?? env.HOME ?? os.homedir();
  const configHome = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return [
    ...(env.OS_CLIENT_CONFIG_FILE ? [env.OS_CLIENT_CONFIG_FILE] : []),
    path.join(location.cwd ?? process.cwd(), 'clouds.yaml'),
    path.join(configHome, 'openstack', 'clouds.yaml'),
    path.join(location.system ?? '/etc/openstack', 'clouds.yaml'),
  ];
}

function isTrue(value: boolean | string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === true || String(value).toLowerCase() === 'true';
}

/**
 * The settings of cloud `name` from the first `clouds.yaml` found. Throws an error naming the file
 * and what is wrong with it.
 */
export function readCloud(name: string, env: NodeJS.ProcessEnv, location: CloudsYamlLocation = {}): CloudSettings {
  // Unlike openstacksdk, a file named explicitly must exist: a typo should not pick another file.
  if (env.OS_CLIENT_CONFIG_FILE && !existsSync(env.OS_CLIENT_CONFIG_FILE)) {
    throw new Error(`OS_CLIENT_CONFIG_FILE: no such file: ${env.OS_CLIENT_CONFIG_FILE}`);
  }
  const candidates = cloudsYamlCandidates(env, location);
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`OS_CLOUD: no clouds.yaml found (looked for ${candidates.join(', ')})`);

  let document: unknown;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`OS_CLOUD: ${file} is not valid YAML (${(error as Error).message.split('\n')[0]})`, {
      cause: error,
    });
  }
  const parsedFile = fileSchema.safeParse(document);
  if (!parsedFile.success) throw new Error(`OS_CLOUD: ${file} has no "clouds:" mapping`);
  const clouds = parsedFile.data.clouds;
  if (!Object.hasOwn(clouds, name)) {
    const known = Object.keys(clouds);
    throw new Error(
      `OS_CLOUD: ${file} has no cloud named "${name}" (it has ${known.length ? known.join(', ') : 'none'})`,
    );
  }
  const parsed = cloudSchema.safeParse(clouds[name] ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`OS_CLOUD: cloud "${name}" in ${file} is invalid (${problems})`);
  }
  const cloud = parsed.data;
  const settings: CloudSettings = {
    file,
    cloud: name,
    values: {},
    sources: {},
    ...(cloud.display_name ? { displayName: cloud.display_name } : {}),
    ...(cloud.websso_choices ? { websso: cloud.websso_choices } : {}),
  };
  const set = (variable: CloudVariable, value: string | undefined, source: string) => {
    if (value === undefined) return;
    settings.values[variable] = value;
    settings.sources[variable] = source;
  };
  set('OS_AUTH_URL', cloud.auth?.auth_url, 'auth.auth_url');
  set('OS_USER_DOMAIN_NAME', cloud.auth?.user_domain_name, 'auth.user_domain_name');
  set('OS_PROJECT_DOMAIN_NAME', cloud.auth?.project_domain_name, 'auth.project_domain_name');
  const firstRegion = cloud.regions?.[0];
  set('OS_REGION_NAME', typeof firstRegion === 'object' ? firstRegion.name : firstRegion, 'regions[0]');
  set('OS_REGION_NAME', cloud.region_name, 'region_name');
  // `publicURL`, `internalURL` and `adminURL` are the old names of the interfaces.
  set('OS_INTERFACE', cloud.endpoint_type?.replace(/URL$/, ''), 'endpoint_type');
  set('OS_INTERFACE', cloud.interface?.replace(/URL$/, ''), 'interface');
  set('OS_CACERT', cloud.cacert, 'cacert');
  if (isTrue(cloud.insecure) === true) set('OS_INSECURE', 'true', 'insecure');
  if (isTrue(cloud.verify) === false) set('OS_INSECURE', 'true', 'verify');
  return settings;
}
