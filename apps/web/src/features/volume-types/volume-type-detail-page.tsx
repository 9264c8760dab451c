import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { DetailFields } from '../../components/detail-fields';
import { DetailFrame } from '../../components/detail-frame';
import { typeVisibility } from '../../components/type-columns';
import { RequireAdmin } from '../../components/require-admin';
import { qosQueries } from '../../resources/qos/api';
import { volumeTypeQueries } from '../../resources/volume-types/api';
import { useTypeActions } from '../../resources/volume-types/type-actions';
import { AccessSection } from './access-section';
import { EncryptionSection } from './encryption-section';
import { ExtraSpecsSection } from './extra-specs-section';

function TypeDetail({ typeId }: { typeId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const type = useQuery(volumeTypeQueries.detail(typeId));
  const fallback = useQuery(volumeTypeQueries.defaultType());
  const qos = useQuery(qosQueries.list());
  const actionsOf = useTypeActions(() => void navigate('/volume-types'));
  const qosName = (id: string | null | undefined) => (id ? (qos.data?.find((q) => q.id === id)?.name ?? id) : '');
  return (
    <DetailFrame
      query={type}
      id={typeId}
      kind="volumeTypes"
      back="/volume-types"
      actionsOf={actionsOf}
      badge={(v) => fallback.data?.id === v.id && <Badge variant="light">{t('volumeTypes.default')}</Badge>}
    >
      {(v) => (
        <>
          <DetailFields
            fields={[
              { label: t('volumeTypes.fields.description'), value: v.description },
              {
                label: t('volumeTypes.fields.visibility'),
                value: typeVisibility(t, 'volumeTypes', v),
              },
              { label: t('volumeTypes.fields.qos'), value: qosName(v.qos_specs_id) },
            ]}
          />
          <ExtraSpecsSection type={v} />
          {v.is_public === false && <AccessSection typeId={v.id} />}
          <EncryptionSection type={v} />
        </>
      )}
    </DetailFrame>
  );
}

/** One volume type: its fields, extra specs, project access (private types) and encryption. */
function VolumeTypeDetailPage() {
  const { t } = useTranslation();
  const { typeId = '' } = useParams();
  return (
    <RequireAdmin title={t('volumeTypes.title')}>
      <TypeDetail typeId={typeId} />
    </RequireAdmin>
  );
}

export default VolumeTypeDetailPage;
