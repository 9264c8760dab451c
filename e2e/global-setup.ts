import { request, type FullConfig } from '@playwright/test';

/**
 * Gives the demo project room for the whole suite. The demo scenario keeps its quotas nearly
 * full on purpose (the console shows what that looks like); an administrator raises them here,
 * through the console's own API, as one would on a real cloud before a test campaign.
 */
interface SessionBody {
  csrfToken: string;
  project: { id: string; name: string };
}

async function signIn(baseURL: string, user: string) {
  const context = await request.newContext({ baseURL });
  const login = await context.post('/api/session', { data: { username: user, password: user, domain: 'Default' } });
  if (!login.ok()) throw new Error(`${user} sign-in failed: ${login.status()} ${await login.text()}`);
  return { context, session: (await login.json()) as SessionBody };
}

export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]!.use.baseURL!;
  const demo = (await signIn(baseURL, 'demo')).session.project;
  const { context: admin, session } = await signIn(baseURL, 'admin');
  const csrfToken = session.csrfToken;
  const quotas = { volumes: 500, gigabytes: 50_000, snapshots: 500, backups: 500, backup_gigabytes: 50_000 };
  const set = await admin.put(`/api/cinder/os-quota-sets/${demo.id}`, {
    data: { quota_set: quotas },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (!set.ok()) throw new Error(`raising the demo quotas failed: ${set.status()} ${await set.text()}`);
  await admin.dispose();
}
