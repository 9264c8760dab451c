import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Node half of `npm run test:reliability`: faults, abuse, security and load against the real
 * emulator, BFF and Redis on loopback. Files run one after another: the load test wants the two
 * cores to itself, and the fail-over timing must not be skewed by a neighbour.
 */
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    name: 'reliability',
    root: import.meta.dirname,
    include: ['node/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // A guard against a hang: the cases wait on state, each with its own bound (README, "Time in tests").
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
