import { loadConfig } from './config.js';
import { startBff } from './server.js';

try {
  const bff = await startBff(loadConfig());
  process.stdout.write(`Cinder console BFF listening on ${bff.url}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
