import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/**
 * Builds the SPA in apps/web. Workspace packages are compiled from source (`source` export
 * condition), so the SPA never waits for their `tsc` output. In dev, `/api` goes to the BFF.
 */
export default defineConfig({
  root: 'apps/web',
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // React changes rarely; keeping it apart lets browsers cache it across deploys. Mantine is
        // left to the bundler on purpose: as one chunk all of it loaded at start, the components of
        // every lazy page included; split by use, each page brings its own (bundle budget,
        // docs/benchmarks.md).
        manualChunks(id: string) {
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
          // zod and its configuration in one chunk: `jitless` is then set before any module builds a
          // schema, so zod never probes `new Function`, which the CSP forbids (lib/zod-config.ts).
          if (id.includes('node_modules/zod/') || id.endsWith('/lib/zod-config.ts')) return 'zod';
          return undefined;
        },
      },
    },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: { '/api': { target: process.env.BFF_URL ?? 'http://localhost:8080', changeOrigin: false } },
  },
});
