import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../lib/i18n';

/** Switches the interface language; the choice is remembered in this browser. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('app.language')}
      size="xs"
      w={120}
      allowDeselect={false}
      value={i18n.resolvedLanguage ?? 'en'}
      data={LANGUAGES.map(({ code, label }) => ({ value: code, label }))}
      onChange={(value) => value && void i18n.changeLanguage(value)}
    />
  );
}
