import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import { keystoneV3Base } from '../keystone/auth-url.js';
import { keystoneClient, type KeystoneClient } from '../keystone/client.js';
import { CLOUD_COOKIE, readCookie, SESSION_COOKIE } from '../session/cookie.js';
import type { WebssoChoice } from './websso-choices.js';

/** The name the one cloud of a console without OS_CLOUDS goes by. */
export const SINGLE_CLOUD = 'default';
/** The header each request of a tab names its cloud with (a custom header: no other site can send it). */
export const CLOUD_HEADER = 'x-console-cloud';

/** A cloud the console signs in to, with what the BFF needs to talk to it. */
export interface ConsoleCloud {
  name: string;
  displayName: string;
  /** The console's settings with this cloud's OS_* values: what sign-in and endpoint choice read. */
  config: Config;
  keystone: KeystoneClient;
  keystoneBase: string;
  /** The base name of this cloud's session cookie. */
  sessionCookie: string;
  /** What session views say of the cloud: nothing when the console has only one. */
  label: { name: string; displayName: string } | undefined;
  /** Its single sign-on choices (Keystone WebSSO), in the order the sign-in page shows them. */
  websso: WebssoChoice[];
}

/** Every cloud of the console, the first being the default. */
export class CloudDirectory {
  readonly all: ConsoleCloud[];
  /** Whether the console offers a choice (OS_CLOUDS): the session view and cookies then name the cloud. */
  readonly several: boolean;

  constructor(config: Config) {
    this.several = config.clouds !== undefined;
    const profiles = config.clouds ?? [
      {
        name: SINGLE_CLOUD,
        displayName: SINGLE_CLOUD,
        OS_AUTH_URL: config.OS_AUTH_URL,
        OS_REGION_NAME: config.OS_REGION_NAME,
        OS_INTERFACE: config.OS_INTERFACE,
        OS_USER_DOMAIN_NAME: config.OS_USER_DOMAIN_NAME,
        OS_PROJECT_DOMAIN_NAME: config.OS_PROJECT_DOMAIN_NAME,
        websso: config.OS_WEBSSO_CHOICES,
      },
    ];
    this.all = profiles.map(({ name, displayName, websso, ...settings }) => {
      const keystoneBase = keystoneV3Base(settings.OS_AUTH_URL);
      return {
        name,
        displayName,
        config: { ...config, ...settings },
        keystone: keystoneClient(keystoneBase, config.UPSTREAM_TIMEOUT_MS, config),
        keystoneBase,
        sessionCookie: this.several ? `${SESSION_COOKIE}-${name}` : SESSION_COOKIE,
        label: this.several ? { name, displayName } : undefined,
        websso,
      };
    });
  }

  find(name: string | undefined): ConsoleCloud | undefined {
    return name === undefined ? undefined : this.all.find((cloud) => cloud.name === name);
  }

  /**
   * The cloud a request is about: the one its tab names (the header; what a browser opens rather
   * than fetches names it as `?cloud=`), else the one this browser last signed in to, else the
   * first. A tab naming a cloud the console does not have is told so, not moved to another cloud.
   */
  select(): RequestHandler {
    return (req, res, next) => {
      const named = req.get(CLOUD_HEADER) ?? (NAVIGATIONS.has(req.path) ? cloudInAddress(req) : undefined);
      if (named !== undefined && !this.find(named)) {
        throw new HttpError(400, 'unknownCloud', `This console has no cloud named "${named.slice(0, 64)}".`);
      }
      res.locals.cloud = this.find(named) ?? this.find(readCookie(req, CLOUD_COOKIE)) ?? this.all[0]!;
      next();
    };
  }
}

/** What a browser opens rather than fetches (an event stream, a sign-on), which cannot send headers. */
const NAVIGATIONS = new Set(['/events', '/session/websso/start']);

function cloudInAddress(req: Request): string | undefined {
  const value = req.query.cloud;
  return typeof value === 'string' ? value : undefined;
}

/** The request's cloud, as `CloudDirectory.select` chose it. */
export function currentCloud(res: Response): ConsoleCloud {
  const cloud = res.locals.cloud as ConsoleCloud | undefined;
  if (!cloud) throw new Error('currentCloud before CloudDirectory.select');
  return cloud;
}
