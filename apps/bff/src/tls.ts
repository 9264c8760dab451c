import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

/** The settings that decide how the BFF trusts the cloud's TLS certificates. */
export interface UpstreamTlsSettings {
  /** A PEM bundle of CA certificates to trust besides Node's public ones. */
  OS_CACERT?: string | undefined;
  /** Skip certificate verification altogether (testing only). */
  OS_INSECURE: boolean;
}

/** Connection pools for every upstream call: the proxies and the BFF's own calls share them. */
export interface UpstreamAgents {
  http: http.Agent;
  https: https.Agent;
}

/**
 * The PEM certificates in `path`, each checked to parse. Throws an error whose message says what
 * is wrong, for the configuration report.
 */
export function readCaBundle(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`no such file: ${path}`, { cause: error });
    throw new Error(`cannot read ${path} (${code ?? (error as Error).message})`, { cause: error });
  }
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error(`${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  blocks.forEach((block, index) => {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw new Error(`certificate ${index + 1} in ${path} does not parse (${(error as Error).message})`, {
        cause: error,
      });
    }
  });
  return blocks;
}

/**
 * Keep-alive pools. Idle sockets are closed after 4 s, before the 5 s idle limit of Node, Apache and
 * most load balancers, so a request rarely lands on a socket the other side is closing.
 */
const POOL = { keepAlive: true, timeout: 4000 } as const;

const agentsBySettings = new Map<string, UpstreamAgents>();

/**
 * The agents for `settings`, made once per distinct setting. OS_CACERT is added to Node's public
 * CAs (as NODE_EXTRA_CA_CERTS does) rather than replacing them, so a cloud whose Keystone has a
 * private certificate and whose other endpoints have public ones works too.
 */
export function upstreamAgents(settings: UpstreamTlsSettings): UpstreamAgents {
  const key = JSON.stringify([settings.OS_CACERT ?? null, settings.OS_INSECURE]);
  let agents = agentsBySettings.get(key);
  if (!agents) {
    agents = {
      http: new http.Agent(POOL),
      https: new https.Agent({
        ...POOL,
        rejectUnauthorized: !settings.OS_INSECURE,
        ...(settings.OS_CACERT ? { ca: [...rootCertificates, ...readCaBundle(settings.OS_CACERT)] } : {}),
      }),
    };
    agentsBySettings.set(key, agents);
  }
  return agents;
}

let installed = upstreamAgents({ OS_INSECURE: false });

/**
 * Makes `agents` the ones used by upstream calls that are not handed any (Cinder version discovery,
 * the live poller). `startBff` installs the configured ones at boot: one process, one cloud.
 */
export function installUpstreamAgents(agents: UpstreamAgents): void {
  installed = agents;
}

export function installedUpstreamAgents(): UpstreamAgents {
  return installed;
}

const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 3; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Why a connection failed at the TLS layer, in words an operator can act on, or `undefined` when
 * the failure was not about TLS.
 */
export function describeTlsFailure(error: unknown): string | undefined {
  const code = errorCode(error);
  if (!code) return undefined;
  if (UNTRUSTED.has(code)) {
    return (
      `its TLS certificate is not trusted (${code}). Set OS_CACERT to the CA certificate that signed it, ` +
      'or OS_INSECURE=true to skip verification (for testing only).'
    );
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return `its TLS certificate is not valid at this time (${code}).`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `its TLS certificate is issued for another host name (${code}); check the URL in the catalog or OS_AUTH_URL.`;
  }
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return `the TLS handshake failed (${code}).`;
  }
  return undefined;
}
