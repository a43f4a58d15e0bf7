import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConflictAlert } from '@/components/ConflictAlert';
import { ButtonLink } from '@/components/links';
import { notify } from '@/components/notify';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useIdempotencyKey } from '@/lib/idempotency';
import { usePermissions } from '@/lib/membership';
import { isApiError } from '@/lib/problem';

import { useCreateService, usePartnerOptions, useService, useUpdateService } from '../api/services';
import { ServiceForm } from '../components/ServiceForm';
import { EMPTY_SERVICE_FORM, formToServiceCreate, formToServiceUpdate, serviceToForm } from '../components/service-form';

export function ServiceNotAllowed({ network }: { network: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('partner.notAllowedTitle')}
      action={
        <ButtonLink to="/n/$network/services" params={{ network }} variant="default">
          {t('nav.services')}
        </ButtonLink>
      }
    >
      {t('serviceForm.forbidden')}
    </EmptyState>
  );
}

export function ServiceNewPage({ network, partnerId }: { network: string; partnerId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions(network);
  const partners = usePartnerOptions(network);
  const create = useCreateService(network);
  const keyFor = useIdempotencyKey();
  if (!permissions.createService) return <ServiceNotAllowed network={network} />;
  if (partners.isPending) return <LoadingState />;
  if (partners.isError) return <ErrorState onRetry={() => void partners.refetch()} />;
  const allowed = permissions.servicePartnerIds;
  const options = partners.data.filter((p) => allowed === null || allowed.includes(p.id)).map((p) => ({ value: p.id, label: p.name }));
  const preselected = partnerId && options.some((o) => o.value === partnerId) ? partnerId : options.length === 1 ? options[0]!.value : null;
  return (
    <>
      <PageHeader title={t('serviceForm.newTitle')} description={t('serviceForm.newIntro')} />
      <ServiceForm
        mode="create"
        partners={options}
        initialValues={{ ...EMPTY_SERVICE_FORM, partner_id: preselected }}
        onCancel={() => void navigate({ to: '/n/$network/services', params: { network } })}
        onSubmit={async (values) => {
          const body = formToServiceCreate(values);
          const created = await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
          notify(t('serviceForm.createdMessage', { name: created.name }));
          await navigate({ to: '/n/$network/services/$serviceId', params: { network, serviceId: created.id } });
        }}
      />
    </>
  );
}

export function ServiceEditPage({ network, serviceId }: { network: string; serviceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions(network);
  const service = useService(network, serviceId);
  const update = useUpdateService(network, serviceId);
  const [conflict, setConflict] = useState(false);

  if (service.isPending) return <LoadingState />;
  if (service.isError) {
    if (isApiError(service.error, 404) || isApiError(service.error, 422)) return <EmptyState title={t('services.notFoundTitle')} />;
    return <ErrorState onRetry={() => void service.refetch()} />;
  }
  const record = service.data;
  if (!permissions.editServicesOf(record.partner_id)) return <ServiceNotAllowed network={network} />;
  const initialValues = serviceToForm(record);
  const toService = () => navigate({ to: '/n/$network/services/$serviceId', params: { network, serviceId } });
  return (
    <>
      <PageHeader title={t('serviceForm.editTitle', { name: record.name })} />
      <ServiceForm
        // A reloaded record (after a conflict) starts a fresh form from the current version.
        key={record.version}
        mode="edit"
        partners={[{ value: record.partner_id, label: record.partner_name }]}
        initialValues={initialValues}
        onCancel={() => void toService()}
        notice={
          conflict ? (
            <ConflictAlert
              onReload={async () => {
                await service.refetch();
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
          const body = formToServiceUpdate(values, initialValues);
          if (Object.keys(body).length > 0) await update.mutateAsync({ body, version: record.version });
          notify(t('partner.savedMessage'));
          await toService();
        }}
      />
    </>
  );
}
