import { startEmulator, type RunningEmulator } from '@cinder-console/emulator';
import { loadConfig, type Config } from '../config.js';
import { startBff, type RunningBff } from '../server.js';

/** A BFF in front of a fresh emulator, both on free loopback ports: the network is real, nothing is mocked. */
export interface Harness {
  emulator: RunningEmulator;
  bff: RunningBff;
  close(): Promise<void>;
}

export async function startHarness(env: Partial<Record<keyof Config, string>> = {}): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, fast: true });
  const config = loadConfig({
    OS_AUTH_URL: emulator.authUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    // Tests read /metrics and /readyz beside the API; a test of the separate listener sets a port.
    METRICS_PORT: 'shared',
    ...env,
  });
  const bff = await startBff(config);
  return {
    emulator,
    bff,
    close: async () => {
      await bff.close();
      await emulator.close();
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token the session gave it. */
export class BrowserClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (this.cookie) headers.Cookie = this.cookie;
    if (method !== 'GET' && this.csrfToken && !('X-CSRF-Token' in headers)) headers['X-CSRF-Token'] = this.csrfToken;
    if (init.body !== undefined) headers['Content-Type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(init.body !== undefined
        ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
        : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return response;
  }

  async login(username = 'demo', password = username, extra: Record<string, string> = {}) {
    const response = await this.request('/api/session', { method: 'POST', body: { username, password, ...extra } });
    if (response.status === 201) {
      const body = await response.clone().json();
      this.csrfToken = body.csrfToken;
    }
    return response;
  }
}

/** A harness and a browser already signed in as `user` (password = user name, as seeded). */
export async function startSignedIn(
  env: Partial<Record<keyof Config, string>> = {},
  user = 'demo',
): Promise<{ harness: Harness; browser: BrowserClient }> {
  const harness = await startHarness(env);
  const browser = new BrowserClient(harness.bff.url);
  await browser.login(user, user);
  return { harness, browser };
}
