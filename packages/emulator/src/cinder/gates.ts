import { statusAllows, type ActionRule } from '@cinder-console/cinder';

/**
 * Whether a resource in `status` may undergo the action, by the shared lifecycle table in
 * `packages/cinder` (the same table and check the console uses to disable actions), so the
 * emulator and the UI can never disagree about which statuses allow what. Policy and microversion
 * are checked where the request is read.
 */
export function allows(rule: ActionRule, status: string, options: { force?: boolean; minor?: number } = {}): boolean {
  return statusAllows(rule, status, options);
}

/** The statuses an action moves a resource through, by the same table; `end` is `deleted` for deletions. */
export interface Transition {
  during: string;
  end: string;
  failure: string;
}

/**
 * The statuses `rule`'s action takes a resource in `current` through: while it runs, where it
 * ends and where it fails, each `previous` resolved to `current` (extend of an in-use volume
 * ends in-use). The emulator's transitions read them here, so the table says what really happens.
 */
export function transitionOf(rule: ActionRule, current: string): Transition {
  const resolve = (status: string) => (status === 'previous' ? current : status);
  return { during: resolve(rule.transitional), end: resolve(rule.end), failure: resolve(rule.failure) };
}
