import type { ActionRule } from '@cinder-console/cinder';

/**
 * Whether a resource in `status` may undergo the action, by the shared lifecycle table in
 * `packages/cinder` (the same table the console uses to disable actions), so the emulator and the
 * UI can never disagree about which statuses allow what.
 */
export function allows(rule: ActionRule, status: string, options: { force?: boolean } = {}): boolean {
  return rule.from.includes(status) || (options.force === true && (rule.fromWithForce?.includes(status) ?? false));
}
