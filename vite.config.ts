import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, defineConfig, type UserConfig } from 'vite';
import { directMantineImports, routeChunks } from './vite.chunks.js';

const chunks = routeChunks();

/**
 * The first paint's renderer, for the BFF to run in Node (apps/web/src/first-paint/render.tsx):
 * one module beside the SPA's build, never among the files the BFF serves. It bundles its packages
 * (so it runs wherever the build is put) as production builds (React's development build renders
 * several times slower), and compiles the workspace's own from source like the SPA.
 */
const firstPaintBuild: UserConfig = {
  root: 'apps/web',
  plugins: [react()],
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ssr: { noExternal: true, resolve: { conditions: ['source', ...defaultServerConditions] } },
  build: {
    ssr: 'src/first-paint/render.tsx',
    outDir: 'dist-ssr',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'first-paint.js', codeSplitting: false } },
  },
};

/**
 * Builds the SPA in apps/web (and, with `--ssr`, its first paint). Workspace packages are compiled
 * from source (`source` export condition), so the SPA never waits for their `tsc` output. In dev,
 * `/api` goes to the BFF.
 */
export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? firstPaintBuild : spaBuild));

const spaBuild: UserConfig = {
  root: 'apps/web',
  plugins: [react(), directMantineImports(), chunks.plugin],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The BFF reads it to preload a page's own chunks with the page (apps/bff/src/route-preloads.ts).
    manifest: true,
    rollupOptions: {
      output: {
        codeSplitting: {
          // A group takes only the modules it names, never what they import: the entry's modules
          // must stay in the entry's chunks, not be pulled into a lazy group.
          includeDependenciesRecursively: false,
          groups: [
            // React changes rarely; keeping it apart lets browsers cache it across deploys.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 3,
            },
            // zod and its configuration in one chunk: `jitless` is then set before any module builds a
            // schema, so zod never probes `new Function`, which the CSP forbids (lib/zod-config.ts).
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|[\\/]lib[\\/]zod-config\.ts$/, priority: 2 },
            // The shell and what lazy pages share (vite.chunks.ts); a page's own code stays in its chunk.
            { name: chunks.groupOf, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: { '/api': { target: process.env.BFF_URL ?? 'http://localhost:8080', changeOrigin: false } },
  },
};
