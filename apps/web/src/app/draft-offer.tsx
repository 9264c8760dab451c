import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOfferedDrafts } from '../lib/dialog-drafts';

/**
 * After signing in again, offers back what the user had typed into a dialog that the session's
 * end closed (nothing of it was sent), on the page that can open that dialog again.
 */
export function DraftOffer() {
  const { t } = useTranslation();
  const { drafts, restore, discard } = useOfferedDrafts();
  if (!drafts.length) return null;
  return (
    <>
      {drafts.map((draft) => (
        <Alert
          key={`${draft.kind}:${draft.subject ?? ''}`}
          color="blue"
          variant="light"
          role="region"
          aria-label={t('drafts.title', { title: draft.title })}
          title={t('drafts.title', { title: draft.title })}
          mb="md"
        >
          <Text size="sm">{t('drafts.body')}</Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" onClick={() => restore(draft)}>
              {t('drafts.restore')}
            </Button>
            <Button size="xs" variant="default" onClick={() => discard(draft)}>
              {t('drafts.discard')}
            </Button>
          </Group>
        </Alert>
      ))}
    </>
  );
}
