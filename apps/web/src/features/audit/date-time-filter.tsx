import { DatesProvider, DateTimePicker } from '@mantine/dates';
import '@mantine/dates/styles.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';

/** The picker's value ('YYYY-MM-DD HH:mm:ss', local time) from the ISO instant the URL keeps. */
const toPickerValue = (iso: string | undefined) => {
  if (!iso) return null;
  const date = dayjs(iso);
  return date.isValid() ? date.format('YYYY-MM-DD HH:mm:ss') : null;
};

/**
 * A date and time filter in the interface's language. The browser's own `datetime-local` input
 * speaks the browser's locale whatever the page's (a zh-CN page showed "mm/dd/yyyy"); Mantine's
 * picker takes its month names, weekdays and format from dayjs's locale for the page's language.
 */
export function DateTimeFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  /** An ISO instant, or empty. */
  value: string | undefined;
  onChange: (iso: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language === 'zh-CN';
  return (
    <DatesProvider settings={{ locale: chinese ? 'zh-cn' : 'en', firstDayOfWeek: chinese ? 1 : 0 }}>
      <DateTimePicker
        label={label}
        placeholder={t('audit.filters.pickDateTime')}
        valueFormat={t('audit.filters.dateTimeFormat')}
        value={toPickerValue(value)}
        onChange={(picked) => onChange(picked ? dayjs(picked).toISOString() : '')}
        clearable
        clearButtonProps={{ 'aria-label': t('audit.filters.clearDate', { label }) }}
        submitButtonProps={{ 'aria-label': t('audit.filters.applyDate') }}
        w={210}
      />
    </DatesProvider>
  );
}
