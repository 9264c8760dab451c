import { parseOpenStackTime, statusClass, userMessagesSchema } from '@cinder-console/cinder';
import { notifications } from '@mantine/notifications';
import { apiJson } from '../lib/api-client';
import i18n from '../lib/i18n';

/**
 * When something the user is looking at turns to an error status on its own (an asynchronous
 * failure), says so with Cinder's user message for it: the "why" that the status alone lacks.
 */
export async function noticeAsyncFailure(
  kind: string,
  resource: { id: string; name?: string | null; status: string },
  previousStatus: string | undefined,
  options: { askWhy: boolean } = { askWhy: true },
): Promise<void> {
  if (previousStatus === undefined || statusClass(previousStatus) === 'error') return;
  if (statusClass(resource.status) !== 'error') return;
  const reason = options.askWhy ? await newestUserMessage(resource.id) : undefined;
  notifications.show({
    color: 'red',
    autoClose: false,
    title: i18n.t('live.failed', {
      kind: i18n.t(`live.kinds.${kind}`),
      name: resource.name || resource.id,
      status: i18n.t(`status.values.${resource.status}`, { defaultValue: resource.status }),
    }),
    message: reason ?? i18n.t('live.noReason'),
    // It stays until closed, so its close button needs a name.
    closeButtonProps: { 'aria-label': i18n.t('actions.close') },
  });
}

/** The newest of Cinder's user messages about a resource, if the cloud tells. */
async function newestUserMessage(resourceId: string): Promise<string | undefined> {
  try {
    const { messages } = await apiJson(
      `/api/cinder/messages?resource_uuid=${encodeURIComponent(resourceId)}`,
      userMessagesSchema,
    );
    const newest = [...messages].sort(
      (a, b) => parseOpenStackTime(b.created_at).getTime() - parseOpenStackTime(a.created_at).getTime(),
    )[0];
    return newest?.user_message;
  } catch {
    // Messages may be refused; the status change is still worth telling.
    return undefined;
  }
}
