import { Alert, Button, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openCloud, setTabCloud, tabCloud } from '../../lib/tab-cloud';
import { cloudQueries } from '../../resources/session/api';

/**
 * The sign-in page's choice of cloud, when the console offers several. The choice is the tab's
 * (the sign-in goes to that cloud's Keystone); a cloud this browser is already signed in to is
 * offered to open instead.
 */
export function CloudPicker({ next, onChange }: { next: string; onChange: () => void }) {
  const { t } = useTranslation();
  const clouds = useQuery(cloudQueries.list());
  const [chosen, setChosen] = useState(tabCloud());
  const list = clouds.data?.clouds ?? [];
  if (list.length < 2) return null;
  const value = chosen ?? clouds.data!.current;
  const selected = list.find((cloud) => cloud.name === value);
  return (
    <>
      <Select
        label={t('login.cloud')}
        description={t('login.cloudHint')}
        data={list.map((cloud) => ({ value: cloud.name, label: cloud.displayName }))}
        value={value}
        allowDeselect={false}
        onChange={(name) => {
          if (!name) return;
          setTabCloud(name);
          setChosen(name);
          onChange();
        }}
      />
      {selected?.signedIn && (
        <Alert color="blue" variant="light" role="status">
          {t('login.alreadySignedIn', { cloud: selected.displayName })}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void openCloud(selected.name, next)}>
            {t('login.openCloud', { cloud: selected.displayName })}
          </Button>
        </Alert>
      )}
    </>
  );
}
