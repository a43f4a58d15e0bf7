import { Breadcrumbs, Grid, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { PartnerPublic } from '@/client';

import { AnchorLink, ButtonLink } from '@/components/links';

import { SectorBadge, StageBadge } from '@/components/CodeBadges';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { usePermissions } from '@/lib/membership';
import { isApiError } from '@/lib/problem';

import { usePartner } from '../api/partners';
import { AssessmentPanel } from '../components/AssessmentPanel';
import { ContactsPanel } from '../components/ContactsPanel';
import { PartnerDetails } from '../components/PartnerDetails';
import { StagePanel } from '../components/StagePanel';

/** `panels` lets the app add cards owned by other features (the "Roles" card) without this feature importing them. */
export function PartnerPage({
  network,
  partnerId,
  panels,
}: {
  network: string;
  partnerId: string;
  panels?: (partner: PartnerPublic) => ReactNode;
}) {
  const { t } = useTranslation();
  const permissions = usePermissions(network);
  const partner = usePartner(network, partnerId);

  if (partner.isPending) return <LoadingState />;
  if (partner.isError) {
    if (isApiError(partner.error, 404) || isApiError(partner.error, 422)) {
      return (
        <EmptyState
          title={t('partner.notFoundTitle')}
          action={
            <ButtonLink to="/n/$network/partners" params={{ network }} variant="default">
              {t('partner.backToDirectory')}
            </ButtonLink>
          }
        >
          {t('partner.notFoundBody')}
        </EmptyState>
      );
    }
    return <ErrorState onRetry={() => void partner.refetch()} />;
  }

  const { data: record, etag } = partner.data;
  const canEdit = permissions.editPartner(record.id);
  return (
    <Stack gap="lg">
      <div>
        <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
          <AnchorLink to="/n/$network/partners" params={{ network }} size="sm">
            {t('nav.partners')}
          </AnchorLink>
          <Text size="sm" aria-current="page" lineClamp={1}>
            {record.name}
          </Text>
        </Breadcrumbs>
        <PageHeader
          title={
            <>
              {record.name}
              {record.acronym && (
                <Text span c="dimmed" fw={500} inherit>
                  {' '}
                  ({record.acronym})
                </Text>
              )}
            </>
          }
          description={
            <Group gap={6} component="span">
              <SectorBadge sector={record.sector} />
              <StageBadge stage={record.stage} />
            </Group>
          }
          actions={
            canEdit && (
              <ButtonLink
                to="/n/$network/partners/$partnerId/edit"
                params={{ network, partnerId: record.id }}
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                variant="default"
              >
                {t('partner.edit')}
              </ButtonLink>
            )
          }
        />
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            <PartnerDetails partner={record} />
            <AssessmentPanel
              network={network}
              partnerId={record.id}
              canEdit={permissions.assess}
              visible={record.assessment !== null}
            />
            <ContactsPanel network={network} partnerId={record.id} canEdit={canEdit} />
            {panels?.(record)}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <StagePanel
            key={etag ?? ''}
            network={network}
            partner={record}
            etag={etag}
            canMove={permissions.moveStage}
            onReload={() => partner.refetch()}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
