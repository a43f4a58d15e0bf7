import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { PathwayPublic } from '@/client';
import { AnchorLink, ButtonLink } from '@/components/links';
import { ErrorState, LoadingState } from '@/components/States';

import { useServicePathways } from '../api/services';

/** The pathways out of and into one service, each a link to its page. */
export function ServicePathwaysPanel({ network, serviceId, canAdd }: { network: string; serviceId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const pathways = useServicePathways(network, serviceId);
  const out = (pathways.data?.items ?? []).filter((p) => p.from_service.id === serviceId);
  const into = (pathways.data?.items ?? []).filter((p) => p.to_service.id === serviceId);
  const row = (p: PathwayPublic, other: PathwayPublic['from_service']) => (
    <li key={p.id}>
      <AnchorLink to="/n/$network/services/pathways/$pathwayId" params={{ network, pathwayId: p.id }} size="sm" fw={600}>
        {other.name}
      </AnchorLink>
      <Text size="xs">
        {p.needs.map((n) => t(`need.${n}`)).join(', ')} · {t(`pathwayStatus.${p.status}`)}
      </Text>
    </li>
  );
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="service-pathways" data-testid="service-pathways">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="service-pathways">
          {t('pathway.listTitle')}
        </Title>
        {canAdd && (
          <ButtonLink
            to="/n/$network/services/pathways/new"
            params={{ network }}
            search={{ from: serviceId }}
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
          >
            {t('pathway.addFrom')}
          </ButtonLink>
        )}
      </Group>
      {pathways.isPending && <LoadingState />}
      {pathways.isError && <ErrorState onRetry={() => void pathways.refetch()} />}
      {pathways.data && (
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={700} mb={4}>
              {t('pathway.outgoing')}
            </Text>
            {out.length === 0 ? (
              <Text size="sm" c="dimmed">
                {canAdd ? t('pathway.noneOutEditable') : t('pathway.noneOut')}
              </Text>
            ) : (
              <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {out.map((p) => row(p, p.to_service))}
              </Stack>
            )}
          </div>
          <div>
            <Text size="sm" fw={700} mb={4}>
              {t('pathway.incoming')}
            </Text>
            {into.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('pathway.noneIn')}
              </Text>
            ) : (
              <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {into.map((p) => row(p, p.from_service))}
              </Stack>
            )}
          </div>
        </Stack>
      )}
    </Paper>
  );
}
