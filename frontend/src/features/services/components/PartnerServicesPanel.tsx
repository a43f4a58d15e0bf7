import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { AnchorLink, ButtonLink } from '@/components/links';
import { ErrorState, LoadingState } from '@/components/States';
import { usePermissions } from '@/lib/membership';

import { usePartnerPathways, usePartnerServices } from '../api/services';

const LIST = { listStyle: 'none', padding: 0, margin: 0 } as const;

/** A partner's services and every pathway one of them sends or receives, each a link to its page. */
export function PartnerServicesPanel({ network, partnerId }: { network: string; partnerId: string }) {
  const { t } = useTranslation();
  const permissions = usePermissions(network);
  const canAdd = permissions.createService && permissions.editServicesOf(partnerId);
  const services = usePartnerServices(network, partnerId);
  const pathways = usePartnerPathways(network, partnerId);
  const ours = new Set((services.data?.items ?? []).map((s) => s.id));
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="partner-services" data-testid="partner-services">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="partner-services">
          {t('partnerServices.title')}
        </Title>
        {canAdd && (
          <ButtonLink
            to="/n/$network/services/new"
            params={{ network }}
            search={{ partner: partnerId }}
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
          >
            {t('partnerServices.add')}
          </ButtonLink>
        )}
      </Group>
      {(services.isPending || pathways.isPending) && <LoadingState />}
      {(services.isError || pathways.isError) && (
        <ErrorState
          onRetry={() => {
            void services.refetch();
            void pathways.refetch();
          }}
        />
      )}
      {services.data && pathways.data && (
        <Stack gap="md">
          {services.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('partnerServices.none')}
            </Text>
          ) : (
            <Stack gap={6} component="ul" style={LIST}>
              {services.data.items.map((s) => (
                <li key={s.id}>
                  <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: s.id }} size="sm" fw={600}>
                    {s.name}
                  </AnchorLink>
                  <Text size="xs">
                    {t(`serviceType.${s.type}`)} · {t(`serviceStatus.${s.status}`)}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('pathway.listTitle')}
            </Title>
            {pathways.data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('partnerServices.noPathways')}
              </Text>
            ) : (
              <Stack gap={6} component="ul" style={LIST}>
                {pathways.data.items.map((p) => (
                  <li key={p.id}>
                    <AnchorLink to="/n/$network/services/pathways/$pathwayId" params={{ network, pathwayId: p.id }} size="sm" fw={600}>
                      {t('pathway.title', { from: p.from_service.name, to: p.to_service.name })}
                    </AnchorLink>
                    <Text size="xs">
                      {ours.has(p.from_service.id) ? t('pathway.outgoing') : t('pathway.incoming')} ·{' '}
                      {p.needs.map((n) => t(`need.${n}`)).join(', ')} · {t(`pathwayStatus.${p.status}`)}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </div>
        </Stack>
      )}
    </Paper>
  );
}
