import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { MouseEvent } from 'react';

/** What `POST /backups/{id}/restore` answered: the volume the data is going to. */
export interface RestoreResult {
  volume_id: string;
  volume_name?: string | null | undefined;
}

/**
 * The toast of a started restore, naming the target volume with a link to it. The link is a real
 * address (it opens in a new tab too); a plain click navigates within the app when the page gave a
 * way to, since toasts render outside the router.
 */
export function notifyRestoreStarted(
  t: TFunction,
  backupName: string,
  result: RestoreResult,
  openVolume?: (id: string) => void,
): void {
  const href = `/volumes/${encodeURIComponent(result.volume_id)}`;
  const id = `restore-${result.volume_id}`;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    const plainClick = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (!openVolume || !plainClick) return;
    event.preventDefault();
    notifications.hide(id);
    openVolume(result.volume_id);
  };
  notifications.show({
    id,
    color: 'teal',
    autoClose: 8000,
    title: t('backups.restore.done', { name: backupName }),
    message: (
      <Text size="sm">
        {t('backups.restore.doneTarget')}{' '}
        <Anchor href={href} onClick={follow} size="sm" fw={500}>
          {result.volume_name || result.volume_id}
        </Anchor>
      </Text>
    ),
  });
}
