// Clients for benchmarks: Keystone and Cinder straight (as the cloud's own clients would call
// them), and the BFF as the SPA calls it: a session cookie, the CSRF token, and EventSource-like
// streams of live events.
import { keystonePasswordAuth } from '@cinder-console/cinder';

interface CatalogEntry {
  type: string;
  endpoints: Array<{ interface: string; region: string; url: string }>;
}

export interface CloudToken {
  token: string;
  projectId: string;
  /** The volumev3 public endpoint of the first region, with the project id. */
  cinderUrl: string;
}

/** A project-scoped token for `user` (password = user name, as the emulator seeds). */
export async function keystoneToken(authUrl: string, user: string, project = user): Promise<CloudToken> {
  const response = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: keystonePasswordAuth({ name: user, password: user }, { name: project }),
    }),
  });
  if (response.status !== 201) throw new Error(`Keystone refused ${user}: ${response.status}`);
  const body = (await response.json()) as { token: { project: { id: string }; catalog: CatalogEntry[] } };
  const cinder = body.token.catalog.find((entry) => entry.type === 'volumev3')!;
  return {
    token: response.headers.get('x-subject-token')!,
    projectId: body.token.project.id,
    cinderUrl: cinder.endpoints.find((e) => e.interface === 'public')!.url,
  };
}

/** Cinder's JSON API with a token, straight to the cloud. */
export async function cinder<T = unknown>(
  cloud: CloudToken,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${cloud.cinderUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'X-Auth-Token': cloud.token,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'OpenStack-API-Version': 'volume 3.60',
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (response.status >= 400)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An admin's `os-reset_status`: a synchronous write of a volume's status, as an operator would do. */
export function resetStatus(admin: CloudToken, volumeId: string, status: string): Promise<unknown> {
  return cinder(admin, `/volumes/${volumeId}/action`, { method: 'POST', body: { 'os-reset_status': { status } } });
}

export interface LiveChange {
  kind: string;
  id: string;
  status?: string;
  deleted?: boolean;
}

/** A signed-in browser as the BFF sees one: its cookie and CSRF token. */
export class BffSession {
  cookie = '';
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  static async signIn(baseUrl: string, user = 'demo'): Promise<BffSession> {
    const session = new BffSession(baseUrl);
    const response = await fetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: user, password: user }),
    });
    if (response.status !== 201) throw new Error(`BFF sign-in failed: ${response.status} ${await response.text()}`);
    session.cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    session.csrfToken = ((await response.json()) as { csrfToken: string }).csrfToken;
    return session;
  }

  /** `n` sessions, signed in ten at a time (as many browsers arriving at once would be, without a stampede). */
  static async signInMany(baseUrl: string, n: number): Promise<BffSession[]> {
    const sessions: BffSession[] = [];
    for (let i = 0; i < n; i += 10) {
      sessions.push(
        ...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => BffSession.signIn(baseUrl)))),
      );
    }
    return sessions;
  }

  get headers(): Record<string, string> {
    return { Cookie: this.cookie, Accept: 'application/json', 'X-CSRF-Token': this.csrfToken };
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.headers });
    await response.arrayBuffer();
    return response;
  }

  async signOut(): Promise<void> {
    await fetch(`${this.baseUrl}/api/session`, { method: 'DELETE', headers: this.headers });
  }

  /**
   * Opens `/api/events` as EventSource does and calls `onChange` with each change event and the
   * time it arrived. Resolves once the stream is open; `close()` ends it.
   */
  async events(onChange: (event: LiveChange, at: number) => void): Promise<{ close(): void }> {
    const abort = new AbortController();
    const response = await fetch(`${this.baseUrl}/api/events`, {
      headers: { Cookie: this.cookie, Accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (response.status !== 200 || !response.body) throw new Error(`/api/events: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (/^event: change$/m.test(block) && data) onChange(JSON.parse(data) as LiveChange, Date.now());
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
    return { close: () => abort.abort() };
  }
}
