import { refuseAction, WRITE_RULE, type ActionRule, type Refusal } from '@cinder-console/cinder';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useCloudAbilities } from './capabilities';
import { useCurrentSession } from './current-session';

/** Whether an action may be offered now, and if not, why, in the user's language. */
export interface Gate {
  allowed: boolean;
  reason: string | undefined;
}

function explain(t: TFunction, refusal: Refusal, onV2: boolean): string {
  switch (refusal.reason) {
    case 'version':
      // On a v2-only cloud no microversion will ever come: the reason names the API it lacks.
      return t(onV2 ? 'actions.refused.versionOnV2' : 'actions.refused.version', { minor: refusal.minor });
    case 'admin':
      return t('actions.refused.admin');
    case 'role':
      return t('actions.refused.role');
    case 'status': {
      const allowed = refusal.allowed.map((status) => t(`status.values.${status}`, { defaultValue: status }));
      const base = t('actions.refused.status', { allowed: allowed.join(t('actions.refused.or')) });
      return refusal.needsVersion
        ? `${base} ${t('actions.refused.statusNeedsVersion', {
            status: t(`status.values.${refusal.needsVersion.status}`, { defaultValue: refusal.needsVersion.status }),
            minor: refusal.needsVersion.minor,
          })}`
        : base;
    }
  }
}

/**
 * Checks actions against the one lifecycle table, the session's cloud (microversion, admin) and the
 * user's roles (Cinder's default policy), so a button is disabled with the reason rather than
 * failing after a click.
 */
export function useActionGate(): (rule: ActionRule, status: string, options?: { force?: boolean }) => Gate {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  const roles = useCurrentSession()?.roles;
  return (rule, status, options = {}) => {
    if (!abilities) return { allowed: false, reason: t('app.loading') };
    const refusal = refuseAction(rule, {
      status,
      minor: abilities.minor,
      isAdmin: abilities.admin,
      ...(roles ? { roles } : {}),
      ...(options.force !== undefined ? { force: options.force } : {}),
    });
    return refusal
      ? { allowed: false, reason: explain(t, refusal, abilities.volumeApi.major === 2) }
      : { allowed: true, reason: undefined };
  };
}

/** Whether the user may change things at all (create, rename, metadata): not with `reader` alone. */
export function useWriteGate(): Gate {
  return useActionGate()(WRITE_RULE, '');
}
