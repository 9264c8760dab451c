import { useTranslation } from 'react-i18next';
import { UpcomingPage } from '../../components/upcoming-page';

export function BackupsPage() {
  const { t } = useTranslation();
  return <UpcomingPage title={t('backups.title')} />;
}

export default BackupsPage;
