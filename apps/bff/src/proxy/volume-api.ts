import { compareMicroversions, parseMicroversion } from '@cinder-console/cinder';
import { z } from 'zod';
import { upstreamFetch } from '../keystone/upstream-fetch.js';

/** The newest Cinder microversion this console has been written and tested against (Zed). */
const CONSOLE_MAX_MICROVERSION = '3.70';

export interface VolumeApi {
  /** The catalog endpoint, project id included (`…/v3/<project_id>`). */
  url: string;
  /** `3` for the v3 API, `2` for v2-only clouds. */
  major: 2 | 3;
  /** The microversion the BFF sends: the lower of the cloud's maximum and the console's. `null` on v2. */
  microversion: string | null;
}

const versionsSchema = z.object({
  versions: z.array(z.looseObject({ id: z.string(), status: z.string().optional(), version: z.string().optional() })),
});

const NONE = { major: 0, minor: 0 };
const compare = (a: string, b: string) =>
  compareMicroversions(parseMicroversion(a) ?? NONE, parseMicroversion(b) ?? NONE);

/**
 * Learns which Cinder API the endpoint serves and its newest microversion, from the version
 * document at the endpoint's version root (`…/v3/`, which needs a token). A cloud that does not
 * answer it is used at the base version rather than refused.
 */
export async function discoverVolumeApi(endpointUrl: string, token: string, timeoutMs: number): Promise<VolumeApi> {
  const match = /^(.*\/v([23]))(?:\/[^/]+)?$/.exec(endpointUrl);
  const major = match?.[2] === '2' ? 2 : 3;
  if (major === 2 || !match) return { url: endpointUrl, major, microversion: major === 3 ? '3.0' : null };
  try {
    const response = await upstreamFetch('cinder', `${match[1]}/`, {
      headers: { 'X-Auth-Token': token, Accept: 'application/json' },
      timeoutMs,
    });
    const document = versionsSchema.parse(await response.json());
    const current = document.versions.find((v) => v.id.startsWith('v3')) ?? document.versions[0];
    const cloudMax = current?.version || '3.0';
    const microversion = compare(cloudMax, CONSOLE_MAX_MICROVERSION) < 0 ? cloudMax : CONSOLE_MAX_MICROVERSION;
    return { url: endpointUrl, major: 3, microversion };
  } catch {
    return { url: endpointUrl, major: 3, microversion: '3.0' };
  }
}
