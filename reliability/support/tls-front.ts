import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@cinder-console/test-support';

const script = fileURLToPath(new URL('../../deploy/tls-front/run.sh', import.meta.url));

/** Whether Debian's nginx and openssl are here (`.ci/run` installs them). */
export const haveNginx = existsSync('/usr/sbin/nginx') && existsSync('/usr/bin/openssl');

export interface TlsFront {
  /** `https://localhost:PORT` */
  url: string;
  /** The self-signed CA that signed the front's certificate. */
  ca: Buffer;
  /** nginx's error log, for a failure message. */
  log(): string;
  close(): Promise<void>;
}

export interface TlsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** nginx terminating TLS in front of `bffUrl`, from deploy/tls-front/run.sh; answers once it proxies. */
export async function startTlsFront(bffUrl: string): Promise<TlsFront> {
  const workdir = mkdtempSync(path.join(tmpdir(), 'tls-front-'));
  const port = await freePort();
  const child = spawn('bash', [script, workdir, `127.0.0.1:${port}`, new URL(bffUrl).host], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () =>
    existsSync(path.join(workdir, 'error.log')) ? readFileSync(path.join(workdir, 'error.log'), 'utf8') : '';
  const url = `https://localhost:${port}`;
  // Up when it answers /healthz through to the BFF (the certificate is made first, which takes a moment).
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${log()}`);
    if (existsSync(path.join(workdir, 'nginx.pid'))) {
      const ca = readFileSync(path.join(workdir, 'ca.crt'));
      const answer = await tlsRequest(url, ca, '/healthz').catch(() => undefined);
      if (answer?.status === 200) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    ca: readFileSync(path.join(workdir, 'ca.crt')),
    log,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await ended;
    },
  };
}

/** One HTTPS request trusting `ca`; the body read whole. */
export function tlsRequest(
  base: string,
  ca: Buffer,
  target: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<TlsResponse> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      new URL(target, base),
      { method: init.method ?? 'GET', headers: init.headers, ca, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

/**
 * Opens an event stream through the front and resolves with what arrived once `enough` holds;
 * the connection is closed then. Waits on the data, not on a clock.
 */
export function readStream(
  base: string,
  ca: Buffer,
  target: string,
  headers: Record<string, string>,
  enough: (text: string) => boolean,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const request = https.get(new URL(target, base), { headers, ca, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        if (enough(text)) {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
          request.destroy();
        }
      });
      response.on('error', () => undefined);
    });
    request.on('error', (error) => {
      if (!request.destroyed || (error as { code?: string }).code !== 'ECONNRESET') reject(error);
    });
  });
}
