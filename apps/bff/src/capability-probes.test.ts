import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CapabilityProbes } from './capability-probes.js';
import type { SessionRecord } from './session/session.js';

// The emulator has no os-services (it is admin-only and the console does not manage services), so
// this stand-in Cinder answers it the way Zed does, over a real socket.
const PROJECT = 'b1e5c0a4d2f34e8f9c6a7d5e4f3a2b1c';
let server: Server;
let url: string;
let calls: string[];
let services: Array<Record<string, string>>;
let servicesStatus: number;

beforeEach(async () => {
  calls = [];
  services = [];
  servicesStatus = 200;
  const app = express();
  app.use((req, _res, next) => {
    calls.push(`${req.method} ${req.path}`);
    next();
  });
  app.get(`/v3/${PROJECT}/os-services`, (req, res) => {
    if (servicesStatus !== 200) {
      res.status(servicesStatus).json({ forbidden: { code: servicesStatus, message: 'Policy does not allow it.' } });
      return;
    }
    res.json({ services: services.filter((s) => s.binary === req.query.binary) });
  });
  app.get(`/v3/${PROJECT}/backups`, (_req, res) => {
    res.json({ backups: [] });
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/${PROJECT}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

function session(roles: string[]): SessionRecord {
  const now = new Date().toISOString();
  return {
    csrfToken: 'x',
    token: 'token',
    tokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id: 'u', name: 'u', domain: 'Default' },
    project: { id: PROJECT, name: 'p' },
    projects: [],
    roles,
    region: 'RegionOne',
    regions: ['RegionOne'],
    catalog: [],
    volumeApi: { url, major: 3, microversion: '3.70' },
    imageUrl: null,
    createdAt: now,
    lastSeenAt: now,
  };
}

const backup = (state: string, status = 'enabled') => ({ binary: 'cinder-backup', host: 'h', state, status });

describe('CapabilityProbes.backupService', () => {
  it('asks os-services as an admin: a backup service that is enabled and up', async () => {
    let now = 0;
    const probes = new CapabilityProbes({ timeoutMs: 1000, now: () => now });
    services = [backup('down'), backup('up')];
    expect(await probes.backupService(session(['admin']))).toBe(true);
    expect(calls).toEqual([`GET /v3/${PROJECT}/os-services`]);

    services = [backup('down'), backup('up', 'disabled')];
    expect(await probes.backupService(session(['admin']))).toBe(true);
    now += 61_000;
    expect(await probes.backupService(session(['admin']))).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('shares one probe between concurrent callers', async () => {
    const probes = new CapabilityProbes({ timeoutMs: 1000 });
    services = [backup('up')];
    const answers = await Promise.all([1, 2, 3].map(() => probes.backupService(session(['admin']))));
    expect(answers).toEqual([true, true, true]);
    expect(calls).toHaveLength(1);
  });

  it('falls back to the backups API when os-services is refused, and uses only that for members', async () => {
    const probes = new CapabilityProbes({ timeoutMs: 1000 });
    servicesStatus = 403;
    expect(await probes.backupService(session(['admin']))).toBe(true);
    expect(await probes.backupService(session(['member']))).toBe(true);
    expect(calls).toEqual([
      `GET /v3/${PROJECT}/os-services`,
      `GET /v3/${PROJECT}/backups`,
      `GET /v3/${PROJECT}/backups`,
    ]);
  });

  it('does not remember an answer the cloud could not give', async () => {
    const probes = new CapabilityProbes({ timeoutMs: 1000 });
    servicesStatus = 500;
    services = [backup('up')];
    expect(await probes.backupService(session(['admin']))).toBe(false);
    servicesStatus = 200;
    expect(await probes.backupService(session(['admin']))).toBe(true);
  });
});
