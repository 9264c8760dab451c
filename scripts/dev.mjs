#!/usr/bin/env node
// `npm run dev`: Vite's dev server with hot reload on http://localhost:5173, proxying /api to the
// BFF on :8080, which restarts on change; the emulator runs too unless OS_AUTH_URL or OS_CLOUD is set.
// Workspace packages run from TypeScript source (the `source` export condition), nothing to build.
import { spawn } from 'node:child_process';

const children = [];
function start(name, command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`[dev] ${name} exited (${code}); stopping the others.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

const tsx = ['tsx', 'watch', '--conditions=source', '--clear-screen=false'];
const emulatorPort = process.env.EMULATOR_PORT ?? '5050';
// A clouds.yaml cloud (OS_CLOUD) is a real cloud too: no emulator then.
const embedded = !process.env.OS_AUTH_URL && !process.env.OS_CLOUD;
if (embedded) {
  start('emulator', 'npx', [...tsx, 'packages/emulator/src/cli.ts', '--port', emulatorPort]);
}
start('bff', 'npx', [...tsx, 'apps/bff/src/main.ts'], {
  ...(embedded ? { OS_AUTH_URL: `http://127.0.0.1:${emulatorPort}/identity/v3` } : {}),
  PORT: process.env.PORT ?? '8080',
});
start('vite', 'npx', ['vite'], { BFF_URL: `http://localhost:${process.env.PORT ?? '8080'}` });
