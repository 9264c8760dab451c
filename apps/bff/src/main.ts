import { loadConfig } from './config.js';
import { startBff } from './server.js';

try {
  const bff = await startBff(loadConfig());
  process.stdout.write(`Cinder console BFF listening on ${bff.url}\n`);
  process.stdout.write(`Metrics and readiness (/metrics, /readyz) on ${bff.metricsUrl}\n`);
  // An orchestrator stops a replica with SIGTERM: close cleanly so its live-relay leases pass to
  // the other replicas at once instead of after they expire.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void bff.close().finally(() => process.exit(0));
    });
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
