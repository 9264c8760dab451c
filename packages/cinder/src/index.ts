export * from './error-envelope.js';
export * from './keystone.js';
export * from './status.js';
export * from './time.js';
export * from './volume.js';
export * from './session.js';
export * from './lifecycle.js';
export * from './capabilities.js';
