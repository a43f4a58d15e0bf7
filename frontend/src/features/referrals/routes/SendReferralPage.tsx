import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '@/components/links';
import { notify } from '@/components/notify';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { usePermissions } from '@/lib/membership';

import { useServiceDirectory } from '../api/referrals';
import { ReferralsForViewers } from '../components/ReferralsForViewers';
import { SendReferralForm } from '../components/SendReferralForm';
import { emptySendForm } from '../components/send-form';

export function SendReferralPage({ network, from }: { network: string; from?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions(network);
  const canSend = permissions.referralPartnerIds.length > 0;
  const directory = useServiceDirectory(network, canSend);
  const header = <PageHeader title={t('referralForm.title')} description={t('referralForm.intro')} />;

  if (!permissions.seeReferrals) {
    return (
      <>
        {header}
        <ReferralsForViewers network={network} />
      </>
    );
  }
  if (!canSend) {
    // Coordinators see every referral; the partners' own editors send them.
    return (
      <>
        {header}
        <EmptyState
          title={t('referralForm.editorsOnlyTitle')}
          action={
            <ButtonLink to="/n/$network/referrals" params={{ network }} variant="default">
              {t('referrals.title')}
            </ButtonLink>
          }
        >
          {t('referralForm.editorsOnlyBody')}
        </EmptyState>
      </>
    );
  }
  if (directory.isPending) return <LoadingState />;
  if (directory.isError) return <ErrorState onRetry={() => void directory.refetch()} />;

  const own = directory.data.items.filter((s) => permissions.referralPartnerIds.includes(s.partner_id));
  if (own.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          title={t('referralForm.noServiceTitle')}
          action={
            <ButtonLink to="/n/$network/services/new" params={{ network }} variant="default">
              {t('serviceForm.add')}
            </ButtonLink>
          }
        >
          {t('referralForm.noServiceBody')}
        </EmptyState>
      </>
    );
  }
  const start = from && own.some((s) => s.id === from) ? from : own.length === 1 ? own[0]!.id : null;
  return (
    <>
      {header}
      <SendReferralForm
        network={network}
        ownServices={own}
        receivingServices={directory.data.items.filter((s) => s.status === 'active')}
        initialValues={emptySendForm(start)}
        onCancel={() => void navigate({ to: '/n/$network/referrals', params: { network }, search: { direction: 'sent' } })}
        onSent={async (created) => {
          const receiver = directory.data.byId.get(created.receiver.service_id);
          notify(receiver ? t('referralForm.sentTo', { service: receiver.name, partner: receiver.partner_name }) : t('referralForm.sent'));
          await navigate({ to: '/n/$network/referrals/$referralId', params: { network, referralId: created.id } });
        }}
      />
    </>
  );
}
