import { useTranslation } from 'react-i18next';
import { UpcomingPage } from '../../components/upcoming-page';

export function VolumeTypesPage() {
  const { t } = useTranslation();
  return <UpcomingPage title={t('volumeTypes.title')} />;
}

export default VolumeTypesPage;
