import { Breadcrumbs, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { ReferralEnd, ReferralPublic } from '@/client';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useFormat } from '@/lib/format';
import { useMembership, usePermissions } from '@/lib/membership';
import { isApiError } from '@/lib/problem';

import { useReferral, useServiceNames, type ServiceName } from '../api/referrals';
import { OverdueBadge, StatusBadge, UrgencyBadge } from '../components/ReferralBadges';
import { ReferralActions } from '../components/ReferralActions';
import { ReferralsForViewers } from '../components/ReferralsForViewers';
import { ReferralTimeline } from '../components/ReferralTimeline';
import { sidesOf } from '../components/referral-actions';
import { Fact } from '@/components/Fact';


function ReferralNotFound({ network }: { network: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('referral.notFoundTitle')}
      action={
        <ButtonLink to="/n/$network/referrals" params={{ network }} variant="default">
          {t('referrals.title')}
        </ButtonLink>
      }
    >
      {t('referral.notFoundBody')}
    </EmptyState>
  );
}

function End({ network, end, service }: { network: string; end: ReferralEnd; service: ServiceName | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: end.service_id }} fw={600}>
        {service?.name ?? t(`serviceType.${end.service_type}`)}
      </AnchorLink>{' '}
      <Text span size="sm">
        (
        <AnchorLink to="/n/$network/partners/$partnerId" params={{ network, partnerId: end.partner_id }}>
          {service?.partner_name ?? t('referrals.partnerUnknown')}
        </AnchorLink>
        )
      </Text>
    </>
  );
}

function Details({ network, referral, lookup, showReference }: { network: string; referral: ReferralPublic; lookup: (id: string) => ServiceName | undefined; showReference: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = referral.status === 'sent' || referral.status === 'received';
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="referral-details">
      <Title order={2} size="h4" id="referral-details" mb="md">
        {t('services.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        <Fact label={t('referrals.columns.from')} testId="referral-from">
          <End network={network} end={referral.sender} service={lookup(referral.sender.service_id)} />
        </Fact>
        <Fact label={t('referrals.columns.to')} testId="referral-to">
          <End network={network} end={referral.receiver} service={lookup(referral.receiver.service_id)} />
        </Fact>
        <Fact label={t('referral.route')}>
          {referral.pathway_id ? (
            <AnchorLink to="/n/$network/services/pathways/$pathwayId" params={{ network, pathwayId: referral.pathway_id }}>
              {t('referral.alongPathway')}
            </AnchorLink>
          ) : referral.off_pathway ? (
            t('referral.offPathway')
          ) : (
            t('referral.pathwayRemoved')
          )}
        </Fact>
        <Fact label={t('referrals.columns.needs')} testId="referral-needs">
          {referral.needs.map((need) => t(`need.${need}`)).join(', ')}
        </Fact>
        <Fact label={t('referrals.columns.urgency')}>
          <UrgencyBadge urgency={referral.urgency} />
        </Fact>
        <Fact label={t('referral.consent')}>{referral.consent_given ? t('referral.consentGiven') : t('referral.consentNotRecorded')}</Fact>
        <Fact label={t('referral.due')} testId="referral-due">
          <Group gap="xs" component="span">
            <time dateTime={referral.due_at}>{format.dateTime(referral.due_at)}</time>
            {open && !referral.overdue && (
              <Text span size="xs" c="dimmed">
                ({format.relative(referral.due_at)})
              </Text>
            )}
            {referral.overdue && <OverdueBadge />}
          </Group>
        </Fact>
        {referral.status === 'sent' && (
          <Fact label={t('referral.expires')}>
            <time dateTime={referral.expires_at}>{format.dateTime(referral.expires_at)}</time>
            <Text span size="xs" c="dimmed">
              {' '}
              {t('referral.expiresHint')}
            </Text>
          </Fact>
        )}
        {referral.decline_reason && <Fact label={t('referralActions.reason')}>{t(`declineReason.${referral.decline_reason}`)}</Fact>}
        {showReference && (
          <Fact label={t('referrals.columns.reference')} testId="referral-reference">
            {referral.sender_reference ? (
              <Text span size="sm" ff="monospace">
                {referral.sender_reference}
              </Text>
            ) : (
              t('common.none')
            )}
            <Text size="xs" c="dimmed">
              {t('referral.referenceSeenBy')}
            </Text>
          </Fact>
        )}
      </SimpleGrid>
    </Paper>
  );
}

/** The referral before this one and the one it became, for those who may open them. */
function Links({ network, referral, canOpenPrevious, canOpenOnward }: { network: string; referral: ReferralPublic; canOpenPrevious: boolean; canOpenOnward: boolean }) {
  const { t } = useTranslation();
  if (!referral.previous_referral_id && !referral.onward_referral_id) return null;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="referral-links" data-testid="referral-links">
      <Title order={2} size="h4" id="referral-links" mb="sm">
        {t('referral.chain')}
      </Title>
      <Stack gap="xs">
        {referral.previous_referral_id && (
          <Group gap="xs" wrap="nowrap">
            <IconArrowBackUp size={16} aria-hidden="true" />
            {canOpenPrevious ? (
              <AnchorLink to="/n/$network/referrals/$referralId" params={{ network, referralId: referral.previous_referral_id }} data-testid="previous-referral">
                {t('referral.previous')}
              </AnchorLink>
            ) : (
              <Text size="sm">{t('referral.previousHidden')}</Text>
            )}
          </Group>
        )}
        {referral.onward_referral_id && (
          <Group gap="xs" wrap="nowrap">
            <IconArrowForwardUp size={16} aria-hidden="true" />
            {canOpenOnward ? (
              <AnchorLink to="/n/$network/referrals/$referralId" params={{ network, referralId: referral.onward_referral_id }} data-testid="onward-referral">
                {t('referral.onward')}
              </AnchorLink>
            ) : (
              <Text size="sm">{t('referral.onwardHidden')}</Text>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function ReferralPage({ network, referralId }: { network: string; referralId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const permissions = usePermissions(network);
  const coordinator = useMembership(network)?.role === 'coordinator';
  const query = useReferral(network, referralId, permissions.seeReferrals);
  const ids = useMemo(() => (query.data ? [query.data.sender.service_id, query.data.receiver.service_id] : []), [query.data]);
  const names = useServiceNames(network, ids, permissions.seeReferrals);

  if (!permissions.seeReferrals) {
    return (
      <>
        <PageHeader title={t('referrals.title')} />
        <ReferralsForViewers network={network} />
      </>
    );
  }
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error, 404) || isApiError(query.error, 422)) return <ReferralNotFound network={network} />;
    if (isApiError(query.error, 403)) return <ReferralsForViewers network={network} />;
    return <ErrorState onRetry={() => void query.refetch()} />;
  }
  const referral = query.data;
  const own = permissions.referralPartnerIds;
  const sides = sidesOf(referral, own);
  // The inbox this referral sits in, for the way back.
  const inbox = sides.receiver ? 'received' : sides.sender ? 'sent' : undefined;
  const title = t('referral.title', { time: format.dateTime(referral.sent_at) });
  return (
    <Stack gap="lg">
      <div>
        <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
          <AnchorLink to="/n/$network/referrals" params={{ network }} search={inbox ? { direction: inbox } : {}} size="sm">
            {t('referrals.title')}
          </AnchorLink>
          <Text size="sm" aria-current="page" lineClamp={1}>
            {title}
          </Text>
        </Breadcrumbs>
        <PageHeader
          title={title}
          description={
            <Group gap="xs" component="span" data-testid="referral-status">
              <StatusBadge status={referral.status} />
              {referral.overdue && <OverdueBadge />}
            </Group>
          }
        />
      </div>
      <ReferralActions network={network} referral={referral} ownPartnerIds={own} services={names.directory.data?.items ?? []} onReload={() => query.refetch()} />
      <Details network={network} referral={referral} lookup={names.lookup} showReference={!coordinator && (sides.sender || sides.receiver)} />
      <ReferralTimeline referral={referral} />
      <Links network={network} referral={referral} canOpenPrevious={coordinator || sides.sender} canOpenOnward={coordinator || sides.receiver} />
    </Stack>
  );
}
