// The emulator as a child process for benchmarks, with one addition: it counts the requests it
// serves, so a benchmark can see how much load the BFF puts on "the cloud". Counts are read and
// reset at /__bench/stats, outside the emulator's own routes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulatorApp, type AppOptions } from '@cinder-console/emulator';

const options = JSON.parse(process.argv[2] ?? '{}') as AppOptions;
const { app, ctx } = createEmulatorApp(options);
// With `notificationsUrl`, Cinder's notifications go to that RabbitMQ from the first request on.
await ctx.notifications?.start();

let since = Date.now();
let counts: Record<string, number> = {};

/** `GET /volume/v3/<project>/volumes/detail?limit=1` → `GET /volume/v3/:id/volumes/detail`. */
const route = (method: string, url: string) => `${method} ${url.split('?')[0]!.replace(/\/[0-9a-f-]{20,}/g, '/:id')}`;

const server = http.createServer((req, res) => {
  if (req.url?.startsWith('/__bench/stats')) {
    const body = JSON.stringify({ seconds: (Date.now() - since) / 1000, counts });
    if (req.url.includes('reset=1')) {
      since = Date.now();
      counts = {};
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    return;
  }
  const key = route(req.method ?? 'GET', req.url ?? '/');
  counts[key] = (counts[key] ?? 0) + 1;
  app(req, res);
});
server.keepAliveTimeout = 60_000;

server.listen(0, '127.0.0.1', () => {
  ctx.publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.stdout.write(`bench emulator listening on ${ctx.publicUrl} ${ctx.identityUrl}/v3\n`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    ctx.scheduler.stop();
    server.closeAllConnections();
    server.close(() => void (ctx.notifications?.stop() ?? Promise.resolve()).then(() => process.exit(0)));
  });
}
