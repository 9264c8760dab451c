import type { EmulatorContext } from '../context.js';
import { seedBasic } from './basic.js';
import { seedDemo } from './demo.js';
import { seedLarge } from './large.js';
import { linkSeededAttachments } from './servers.js';

export const SCENARIOS = ['empty', 'basic', 'demo', 'large'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface ScenarioOptions {
  /** What the cloud holds at start (default `basic`). */
  scenario?: Scenario;
  /** Volumes in the `demo` project for `--scenario large` (default 5000). */
  volumes?: number;
}

/**
 * Seeds the cloud. `empty`: only the `__DEFAULT__` type, like a fresh Cinder. `basic`: a few
 * volumes per project, for tests. `demo`: a believable project with volumes, snapshots and
 * backups in mixed states, several types, a private one, QoS and quotas near their limits.
 * `large`: thousands of volumes, for scale tests.
 */
export function seedScenario(ctx: EmulatorContext, options: ScenarioOptions): void {
  const scenario = options.scenario ?? 'basic';
  if (scenario === 'basic') seedBasic(ctx);
  else if (scenario === 'demo') seedDemo(ctx);
  else if (scenario === 'large') seedLarge(ctx, options.volumes ?? 5000);
  linkSeededAttachments(ctx);
}
