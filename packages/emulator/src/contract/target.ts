import { startEmulator } from '../index.js';
import type { FaultOperation } from '../sim/faults.js';

/**
 * The cloud a contract test talks to. By default a fresh in-memory emulator; with
 * `CONTRACT_TARGET=real` the cloud at `OS_AUTH_URL`, so the same assertions judge both.
 */
export interface ContractTarget {
  kind: 'emulator' | 'real';
  authUrl: string;
  passwordOf(user: 'admin' | 'demo' | 'alt_demo' | 'reader'): string;
  close(): Promise<void>;
  /**
   * The emulator only: keeps `operation` (on the resource called `name`) in its transitional status
   * once it comes due, until the returned function releases it, so that a test can see the status
   * however fast or busy the machine is. A real cloud's operations take long enough by themselves.
   */
  hold?(operation: FaultOperation, name?: string): () => void;
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
  return {
    kind: 'emulator',
    authUrl: emulator.authUrl,
    passwordOf: (user) => user,
    close: emulator.close,
    hold: (operation, name) => {
      const { id } = emulator.ctx.holds.add({ operation, ...(name !== undefined ? { name } : {}) });
      return () => emulator.ctx.holds.release(id);
    },
  };
}
