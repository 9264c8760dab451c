export { createApp, type AppDeps } from './app.js';
export { loadConfig, configSchema, type Config } from './config.js';
export { startBff, type RunningBff } from './server.js';
