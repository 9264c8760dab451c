import { useTranslation } from 'react-i18next';
import { UpcomingPage } from '../../components/upcoming-page';

export function SnapshotsPage() {
  const { t } = useTranslation();
  return <UpcomingPage title={t('snapshots.title')} />;
}

export default SnapshotsPage;
