import { describe, expect, it } from 'vitest';
import { get, passwordAuthBody, postJson } from './contract/client.js';
import { startEmulator } from './index.js';

// Emulator-only: a real cloud's token lifetime is an hour, too long to wait for in a test.
describe('token expiry (emulator, --token-ttl)', () => {
  it("refuses an expired token with Keystone's 401 at Keystone and at Cinder", async () => {
    const emulator = await startEmulator({ port: 0, fast: true, tokenTtlSeconds: 1, tokenCacheSeconds: 0 });
    try {
      const response = await postJson(`${emulator.authUrl}/auth/tokens`, passwordAuthBody('demo', 'demo', 'demo'));
      const token = response.headers.get('x-subject-token')!;
      const { token: body } = await response.json();
      expect(Date.parse(body.expires_at) - Date.parse(body.issued_at)).toBe(1000);
      const volumes = `${emulator.url}/volume/v3/${body.project.id}/volumes`;
      expect((await get(volumes, token)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const refused = await get(volumes, token);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Keystone uri=/);
      expect((await get(`${emulator.authUrl}/auth/projects`, token)).status).toBe(401);
    } finally {
      await emulator.close();
    }
  });
});
