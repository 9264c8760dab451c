// What the test suites share (unit, contract, reliability, e2e helpers and benchmarks): throw-away
// servers on loopback ports and a certificate for them. Never imported by what the console runs.
export { selfSignedCertificate, type Certificate } from './certificate.js';
export { freePort } from './free-port.js';
export { haveRabbitmq, NEEDS_RABBITMQ, startTestBroker, type TestBroker } from './rabbitmq.js';
export { haveRedis, startRedis } from './redis.js';
