import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { notify } from '@/components/notify';

import { ButtonLink } from '@/components/links';

import { ConflictAlert } from '@/components/ConflictAlert';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useIdempotencyKey } from '@/lib/idempotency';
import { usePermissions } from '@/lib/membership';

import { useCreatePartner, usePartner, useUpdatePartner } from '../api/partners';
import { PartnerForm } from '../components/PartnerForm';
import { EMPTY_PARTNER_FORM, formToPartnerCreate, formToPartnerUpdate, partnerToForm } from '../components/partner-form';

function NotAllowed({ network }: { network: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('partner.notAllowedTitle')}
      action={
        <ButtonLink to="/n/$network/partners" params={{ network }} variant="default">
          {t('partner.backToDirectory')}
        </ButtonLink>
      }
    >
      {t('partner.notAllowedBody')}
    </EmptyState>
  );
}

export function PartnerNewPage({ network }: { network: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions(network);
  const create = useCreatePartner(network);
  const keyFor = useIdempotencyKey();
  if (!permissions.createPartner) return <NotAllowed network={network} />;
  return (
    <>
      <PageHeader title={t('partner.newTitle')} description={t('partner.newIntro')} />
      <PartnerForm
        mode="create"
        initialValues={EMPTY_PARTNER_FORM}
        onCancel={() => void navigate({ to: '/n/$network/partners', params: { network } })}
        onSubmit={async (values) => {
          const body = formToPartnerCreate(values);
          const created = await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
          notify(t('partner.createdMessage', { name: created.name }));
          await navigate({ to: '/n/$network/partners/$partnerId', params: { network, partnerId: created.id } });
        }}
      />
    </>
  );
}

export function PartnerEditPage({ network, partnerId }: { network: string; partnerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions(network);
  const partner = usePartner(network, partnerId);
  const update = useUpdatePartner(network, partnerId);
  const [conflict, setConflict] = useState(false);

  if (!permissions.editPartner(partnerId)) return <NotAllowed network={network} />;
  if (partner.isPending) return <LoadingState />;
  if (partner.isError || !partner.data.etag) return <ErrorState onRetry={() => void partner.refetch()} />;

  const { data: record, etag } = partner.data;
  const initialValues = partnerToForm(record);
  const toPartner = () => navigate({ to: '/n/$network/partners/$partnerId', params: { network, partnerId } });
  return (
    <>
      <PageHeader title={t('partner.editTitle', { name: record.name })} />
      <PartnerForm
        // A reloaded record (after a conflict) starts a fresh form from the current version.
        key={etag}
        mode="edit"
        initialValues={initialValues}
        onCancel={() => void toPartner()}
        notice={
          conflict ? (
            <ConflictAlert
              onReload={async () => {
                await partner.refetch();
                setConflict(false);
              }}
            />
          ) : undefined
        }
        onFailure={(error) => {
          if (error.status !== 412) return false;
          setConflict(true);
          return true;
        }}
        onSubmit={async (values) => {
          const body = formToPartnerUpdate(values, initialValues);
          if (Object.keys(body).length > 0) await update.mutateAsync({ body, etag });
          notify(t('partner.savedMessage'));
          await toPartner();
        }}
      />
    </>
  );
}
