import type { RequestHandler } from 'express';
import { cinderFault } from './faults.js';

import { compareMicroversions, type Microversion } from '@cinder-console/cinder';

export type { Microversion };

/** Zed's range (api/openstack/api_version_request.py). */
export const MIN_VERSION: Microversion = { major: 3, minor: 0 };
export const MAX_VERSION: Microversion = { major: 3, minor: 70 };

const FORMAT = /^([1-9]\d*)\.([1-9]\d*|0)$/;

export function formatVersion(v: Microversion): string {
  return `${v.major}.${v.minor}`;
}

/** True when the request's microversion is at least `major.minor`. */
export function atLeast(v: Microversion, minor: number): boolean {
  return compareMicroversions(v, { major: 3, minor }) >= 0;
}

/**
 * Microversion negotiation as in `wsgi.Request.set_api_version_request`: only
 * `OpenStack-API-Version: volume X.Y` counts (the first entry naming `volume`), no header means 3.0,
 * `latest` means the maximum. Every controller response then echoes the version and adds `Vary`.
 */
export const negotiateMicroversion: RequestHandler = (req, res, next) => {
  const header = req.get('OpenStack-API-Version');
  let version = MIN_VERSION;
  if (header !== undefined) {
    const entry = header
      .split(',')
      .map((part) => part.trim())
      .find((part) => part.includes('volume'));
    if (!entry) {
      cinderFault(
        res,
        400,
        'The server could not comply with the request since it is either malformed or otherwise incorrect.',
      );
      return;
    }
    const requested = entry.replace(/^volume\s*/, '').trim();
    if (requested === 'latest') {
      version = MAX_VERSION;
    } else {
      const match = FORMAT.exec(requested);
      if (!match) {
        cinderFault(
          res,
          400,
          `API Version String ${requested} is of invalid format. Must be of format MajorNum.MinorNum.`,
        );
        return;
      }
      version = { major: Number(match[1]), minor: Number(match[2]) };
      if (compareMicroversions(version, MIN_VERSION) < 0 || compareMicroversions(version, MAX_VERSION) > 0) {
        res.setHeader('OpenStack-API-Version', `volume ${requested}`);
        res.setHeader('Vary', 'OpenStack-API-Version');
        cinderFault(
          res,
          406,
          `Version ${requested} is not supported by the API. Minimum is ${formatVersion(MIN_VERSION)} and maximum is ${formatVersion(MAX_VERSION)}.`,
        );
        return;
      }
    }
  }
  res.locals.microversion = version;
  res.setHeader('OpenStack-API-Version', `volume ${formatVersion(version)}`);
  res.setHeader('Vary', 'OpenStack-API-Version');
  next();
};
