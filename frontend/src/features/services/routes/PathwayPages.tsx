import { Alert, Badge, Breadcrumbs, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { PathwayPublic } from '@/client';
import { ConfirmDeleteModal } from '@/components/ConfirmDeleteModal';
import { ConflictAlert } from '@/components/ConflictAlert';
import { AnchorLink, ButtonLink } from '@/components/links';
import { notify } from '@/components/notify';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useFormat } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { usePermissions } from '@/lib/membership';
import { generalProblemMessage, isApiError } from '@/lib/problem';

import { useCreatePathway, useDeletePathway, usePathway, useServiceOptions, useUpdatePathway } from '../api/services';
import { PathwayForm } from '../components/PathwayForm';
import { emptyPathwayForm, formToPathwayCreate, formToPathwayUpdate, pathwayToForm } from '../components/pathway-form';
import { ServiceNotAllowed } from './ServiceFormPages';
import { Fact } from '@/components/Fact';


function PathwayNotFound({ network }: { network: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('pathway.notFoundTitle')}
      action={
        <ButtonLink to="/n/$network/services/map" params={{ network }} variant="default">
          {t('nav.pathwayMap')}
        </ButtonLink>
      }
    >
      {t('pathway.notFoundBody')}
    </EmptyState>
  );
}

/** The services a pathway may start from (those the user may send from), and go to (any). */
function useServiceChoices(network: string) {
  const permissions = usePermissions(network);
  const services = useServiceOptions(network);
  const label = (s: { name: string; partner_name: string }) => `${s.name} — ${s.partner_name}`;
  const all = services.data ?? [];
  return {
    services,
    fromOptions: all.filter((s) => permissions.editServicesOf(s.partner_id)).map((s) => ({ value: s.id, label: label(s) })),
    toOptions: all.map((s) => ({ value: s.id, label: label(s) })),
  };
}

export function PathwayNewPage({ network, from, to }: { network: string; from?: string; to?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions(network);
  const { services, fromOptions, toOptions } = useServiceChoices(network);
  const create = useCreatePathway(network);
  const keyFor = useIdempotencyKey();
  if (!permissions.createService) return <ServiceNotAllowed network={network} />;
  if (services.isPending) return <LoadingState />;
  if (services.isError) return <ErrorState onRetry={() => void services.refetch()} />;
  const fromId = from && fromOptions.some((o) => o.value === from) ? from : null;
  const toId = to && toOptions.some((o) => o.value === to) ? to : null;
  return (
    <>
      <PageHeader title={t('pathwayForm.newTitle')} description={t('pathwayForm.newIntro')} />
      <PathwayForm
        mode="create"
        network={network}
        initialValues={emptyPathwayForm(fromId, toId)}
        fromOptions={fromOptions}
        toOptions={toOptions}
        onCancel={() =>
          void (fromId
            ? navigate({ to: '/n/$network/services/$serviceId', params: { network, serviceId: fromId } })
            : navigate({ to: '/n/$network/services/map', params: { network } }))
        }
        onSubmit={async (values) => {
          const body = formToPathwayCreate(values);
          const created = await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
          notify(t('pathwayForm.createdMessage'));
          await navigate({ to: '/n/$network/services/pathways/$pathwayId', params: { network, pathwayId: created.id } });
        }}
      />
    </>
  );
}

export function PathwayEditPage({ network, pathwayId }: { network: string; pathwayId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions(network);
  const pathway = usePathway(network, pathwayId);
  const { fromOptions, toOptions } = useServiceChoices(network);
  const update = useUpdatePathway(network, pathwayId);
  const [conflict, setConflict] = useState(false);
  if (pathway.isPending) return <LoadingState />;
  if (pathway.isError) {
    if (isApiError(pathway.error, 404) || isApiError(pathway.error, 422)) return <PathwayNotFound network={network} />;
    return <ErrorState onRetry={() => void pathway.refetch()} />;
  }
  const record = pathway.data;
  if (!permissions.editServicesOf(record.from_service.partner_id)) return <ServiceNotAllowed network={network} />;
  const initialValues = pathwayToForm(record);
  const ends = (ref: PathwayPublic['from_service']) => ({ value: ref.id, label: `${ref.name} — ${ref.partner_name}` });
  const withEnd = (options: { value: string; label: string }[], ref: PathwayPublic['from_service']) =>
    options.some((o) => o.value === ref.id) ? options : [...options, ends(ref)];
  const toPathway = () => navigate({ to: '/n/$network/services/pathways/$pathwayId', params: { network, pathwayId } });
  return (
    <>
      <PageHeader title={t('pathwayForm.editTitle', { from: record.from_service.name, to: record.to_service.name })} />
      <PathwayForm
        key={record.version}
        mode="edit"
        network={network}
        initialValues={initialValues}
        fromOptions={withEnd(fromOptions, record.from_service)}
        toOptions={withEnd(toOptions, record.to_service)}
        onCancel={() => void toPathway()}
        notice={
          conflict ? (
            <ConflictAlert
              onReload={async () => {
                await pathway.refetch();
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
          const body = formToPathwayUpdate(values, initialValues);
          if (Object.keys(body).length > 0) await update.mutateAsync({ body, version: record.version });
          notify(t('partner.savedMessage'));
          await toPathway();
        }}
      />
    </>
  );
}

export function PathwayPage({ network, pathwayId }: { network: string; pathwayId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const permissions = usePermissions(network);
  const pathway = usePathway(network, pathwayId);
  const remove = useDeletePathway(network);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  if (pathway.isPending) return <LoadingState />;
  if (pathway.isError) {
    if (isApiError(pathway.error, 404) || isApiError(pathway.error, 422)) return <PathwayNotFound network={network} />;
    return <ErrorState onRetry={() => void pathway.refetch()} />;
  }
  const record = pathway.data;
  const canEdit = permissions.editServicesOf(record.from_service.partner_id);
  const none = t('common.none');
  const confirmDelete = async () => {
    setProblem(null);
    try {
      await remove.mutateAsync({ pathwayId: record.id, version: record.version });
      notify(t('pathway.deleted'));
      await navigate({ to: '/n/$network/services/$serviceId', params: { network, serviceId: record.from_service.id } });
    } catch (error) {
      setConfirming(false);
      if (isApiError(error, 412)) setStale(true);
      else if (isApiError(error, 403)) setProblem(t('pathwayForm.forbidden'));
      else setProblem(isApiError(error) ? generalProblemMessage(error.problem, []) : t('common.errorBody'));
    }
  };
  const serviceLink = (ref: PathwayPublic['from_service']) => (
    <>
      <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: ref.id }}>
        {ref.name}
      </AnchorLink>{' '}
      <Text span size="xs">
        ({ref.partner_name} · {t(`sector.${ref.partner_sector}`)})
      </Text>
    </>
  );
  return (
    <Stack gap="lg">
      <div>
        <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
          <AnchorLink to="/n/$network/services/map" params={{ network }} size="sm">
            {t('nav.pathwayMap')}
          </AnchorLink>
          <Text size="sm" aria-current="page" lineClamp={1}>
            {t('pathway.title', { from: record.from_service.name, to: record.to_service.name })}
          </Text>
        </Breadcrumbs>
        <PageHeader
          title={t('pathway.title', { from: record.from_service.name, to: record.to_service.name })}
          description={
            <Badge color={record.status === 'active' ? 'teal' : 'yellow'} styles={{ label: { color: 'var(--mantine-color-dark-8)' } }} component="span">
              {t(`pathwayStatus.${record.status}`)}
            </Badge>
          }
          actions={
            canEdit && (
              <>
                <ButtonLink
                  to="/n/$network/services/pathways/$pathwayId/edit"
                  params={{ network, pathwayId: record.id }}
                  leftSection={<IconPencil size={16} aria-hidden="true" />}
                  variant="default"
                >
                  {t('pathway.edit')}
                </ButtonLink>
                <Button variant="default" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={() => setConfirming(true)}>
                  {t('pathway.delete')}
                </Button>
              </>
            )
          }
        />
      </div>
      {stale && (
        <ConflictAlert
          onReload={async () => {
            await pathway.refetch();
            setStale(false);
          }}
        />
      )}
      {problem && (
        <Alert color="orange" variant="light" role="alert" title={t('common.saveFailed')}>
          {problem}
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="pathway-facts">
        <Title order={2} size="h4" id="pathway-facts" mb="md">
          {t('services.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
          <Fact label={t('pathwayForm.from')}>{serviceLink(record.from_service)}</Fact>
          <Fact label={t('pathwayForm.to')}>{serviceLink(record.to_service)}</Fact>
          <Fact label={t('pathwayForm.needs')}>{record.needs.map((n) => t(`need.${n}`)).join(', ')}</Fact>
          <Fact label={t('pathwayForm.channel')}>{t(`channel.${record.channel}`)}</Fact>
          <Fact label={t('pathwayMap.expected')}>
            {record.expected_response_minutes === null ? none : t('pathwayMap.minutes', { count: record.expected_response_minutes })}
          </Fact>
          <Fact label={t('pathwayMap.consent')}>{record.consent_required ? t('common.yes') : t('common.no')}</Fact>
          <Fact label={t('pathwayForm.mandatoryReporting')}>{record.mandatory_reporting_note ?? none}</Fact>
          <Fact label={t('pathwayForm.protocol')}>{record.protocol_reference ?? none}</Fact>
          <Fact label={t('pathwayForm.agreement')}>{record.agreement_reference ?? none}</Fact>
          <Fact label={t('pathwayForm.reviewDate')}>
            {record.review_date ? format.date(`${record.review_date}T12:00:00`) : none}
            {record.review_overdue && (
              <Text span c="orange.9" fw={600}>
                {' '}
                ⚠ {t('pathway.reviewOverdue')}
              </Text>
            )}
          </Fact>
          <Fact label={t('partner.fields.updated')}>{format.dateTime(record.updated_at)}</Fact>
        </SimpleGrid>
      </Paper>
      <ConfirmDeleteModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('pathway.deleteTitle')}
        message={t('pathway.deleteConfirm', { from: record.from_service.name, to: record.to_service.name })}
        actionLabel={t('pathway.deleteAction')}
        onConfirm={() => void confirmDelete()}
        loading={remove.isPending}
      />
    </Stack>
  );
}
