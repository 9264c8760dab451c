import { Anchor, Badge, Group, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ActionBar } from '../../components/action-bar';
import { CopyId } from '../../components/copy-id';
import { DetailFields } from '../../components/detail-fields';
import { ErrorAlert } from '../../components/error-alert';
import { RequireAdmin } from '../../components/require-admin';
import { ApiError } from '../../lib/api-error';
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
  const back = (
    <Anchor component={Link} to="/volume-types" size="sm">
      {t('volumeTypes.detail.back')}
    </Anchor>
  );
  if (type.isPending) return <Loader aria-label={t('app.loading')} />;
  if (type.error) {
    const missing = type.error instanceof ApiError && type.error.status === 404;
    return (
      <Stack>
        <ErrorAlert
          error={type.error}
          title={missing ? t('volumeTypes.detail.notFound') : t('volumeTypes.detail.loadFailed')}
        />
        {back}
      </Stack>
    );
  }
  const v = type.data;
  const qosName = v.qos_specs_id ? (qos.data?.find((q) => q.id === v.qos_specs_id)?.name ?? v.qos_specs_id) : '';
  return (
    <Stack gap="md">
      {back}
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1} size="h2">
            {v.name}
          </Title>
          {fallback.data?.id === v.id && <Badge variant="light">{t('volumeTypes.default')}</Badge>}
        </Group>
        <CopyId id={v.id} />
      </Stack>
      <ActionBar actions={actionsOf(v)} label={t('volumeTypes.detail.actions')} />
      <DetailFields
        fields={[
          { label: t('volumeTypes.fields.description'), value: v.description },
          {
            label: t('volumeTypes.fields.visibility'),
            value: v.is_public === false ? t('volumeTypes.private') : t('volumeTypes.public'),
          },
          { label: t('volumeTypes.fields.qos'), value: qosName },
        ]}
      />
      <ExtraSpecsSection type={v} />
      {v.is_public === false && <AccessSection typeId={v.id} />}
      <EncryptionSection type={v} />
    </Stack>
  );
}

/** One volume type: its fields, extra specs, project access (private types) and encryption. */
export function VolumeTypeDetailPage() {
  const { t } = useTranslation();
  const { typeId = '' } = useParams();
  return (
    <RequireAdmin title={t('volumeTypes.title')}>
      <TypeDetail typeId={typeId} />
    </RequireAdmin>
  );
}

export default VolumeTypeDetailPage;
