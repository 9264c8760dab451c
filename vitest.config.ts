import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Workspace packages are tested from source: the `source` export condition wins over `dist/`. */
const fromSource = {
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
};

/**
 * A guard against a hang, not a budget: every wait in the tests is bounded by the state it waits
 * for, so a slow or busy machine takes longer but passes (README, "Time in tests"). A real cloud
 * takes seconds where the fast emulator takes milliseconds (backups, uploads).
 */
const guard = process.env.CONTRACT_TARGET === 'real' ? 240_000 : 120_000;
const hangGuard = { testTimeout: guard, hookTimeout: guard };

export default defineConfig({
  test: {
    projects: [
      {
        ...fromSource,
        test: { name: 'cinder', include: ['packages/cinder/src/**/*.test.ts'], environment: 'node', ...hangGuard },
      },
      {
        ...fromSource,
        test: {
          name: 'emulator',
          include: ['packages/emulator/src/**/*.test.ts'],
          environment: 'node',
          ...hangGuard,
        },
      },
      {
        ...fromSource,
        test: { name: 'bff', include: ['apps/bff/src/**/*.test.ts'], environment: 'node', ...hangGuard },
      },
      {
        ...fromSource,
        test: { name: 'web', include: ['apps/web/src/**/*.test.{ts,tsx}'], environment: 'jsdom', ...hangGuard },
      },
    ],
  },
});
