import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Workspace packages are tested from source: the `source` export condition wins over `dist/`. */
const fromSource = {
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
};

export default defineConfig({
  test: {
    projects: [
      { ...fromSource, test: { name: 'cinder', include: ['packages/cinder/src/**/*.test.ts'], environment: 'node' } },
      {
        ...fromSource,
        test: {
          name: 'emulator',
          include: ['packages/emulator/src/**/*.test.ts'],
          environment: 'node',
          // A real cloud takes seconds where the fast emulator takes milliseconds (backups, uploads).
          ...(process.env.CONTRACT_TARGET === 'real' ? { testTimeout: 240_000, hookTimeout: 240_000 } : {}),
        },
      },
      { ...fromSource, test: { name: 'bff', include: ['apps/bff/src/**/*.test.ts'], environment: 'node' } },
      { ...fromSource, test: { name: 'web', include: ['apps/web/src/**/*.test.{ts,tsx}'], environment: 'jsdom' } },
    ],
  },
});
