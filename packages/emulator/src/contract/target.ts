import { startEmulator } from '../index.js';

/**
 * The cloud a contract test talks to. By default a fresh in-memory emulator; with
 * `CONTRACT_TARGET=real` the cloud at `OS_AUTH_URL`, so the same assertions judge both.
 */
export interface ContractTarget {
  kind: 'emulator' | 'real';
  authUrl: string;
  passwordOf(user: 'admin' | 'demo' | 'alt_demo' | 'reader'): string;
  close(): Promise<void>;
}

export async function contractTarget(): Promise<ContractTarget> {
  if (process.env.CONTRACT_TARGET === 'real') {
    const authUrl = process.env.OS_AUTH_URL;
    if (!authUrl) throw new Error('CONTRACT_TARGET=real needs OS_AUTH_URL');
    return {
      kind: 'real',
      authUrl: authUrl.replace(/\/+$/, ''),
      passwordOf: (user) => process.env[`CONTRACT_${user.toUpperCase()}_PASSWORD`] ?? user,
      close: async () => {},
    };
  }
  const emulator = await startEmulator({ port: 0, fast: true });
  return { kind: 'emulator', authUrl: emulator.authUrl, passwordOf: (user) => user, close: emulator.close };
}
