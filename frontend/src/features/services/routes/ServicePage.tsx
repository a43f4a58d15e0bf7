import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, NumberInput, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { PostedCapacity, ServicePublic } from '@/client';
import { ConfirmDeleteModal } from '@/components/ConfirmDeleteModal';
import { SectorBadge } from '@/components/CodeBadges';
import { ConflictAlert, FormProblem } from '@/components/ConflictAlert';
import { AnchorLink, ButtonLink } from '@/components/links';
import { notify } from '@/components/notify';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useNames } from '@/lib/use-names';
import { useIdempotencyKey } from '@/lib/idempotency';
import { usePermissions } from '@/lib/membership';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError } from '@/lib/problem';
import { POSTED_CAPACITIES } from '@/lib/vocabulary';

import { useDeleteService, usePostCapacity, useService } from '../api/services';
import { CapacityBadge, CapacityFreshness } from '../components/Capacity';
import { capacityProblem } from '../components/capacity-form';
import { LocationsPanel } from '../components/LocationsPanel';
import { ServicePathwaysPanel } from '../components/ServicePathwaysPanel';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function CapacityCard({ network, service, canPost }: { network: string; service: ServicePublic; canPost: boolean }) {
  const { t } = useTranslation();
  const post = usePostCapacity(network, service.id);
  const keyFor = useIdempotencyKey();
  const [status, setStatus] = useState<PostedCapacity | null>(null);
  const [beds, setBeds] = useState<number | string>('');
  const [total, setTotal] = useState<number | string>(service.capacity.beds_total ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [serverBedsError, setServerBedsError] = useState<string | null>(null);
  const bedsFree = typeof beds === 'number' ? beds : null;
  const bedsTotal = typeof total === 'number' ? total : null;
  // Checked as the user types, with the API's own rules; the API's reason wins if it differs.
  const contradiction = capacityProblem(status, bedsFree, bedsTotal);
  const bedsError = contradiction ? t(`capacityForm.${contradiction.key}`, { ...contradiction }) : serverBedsError;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!status || contradiction) return;
    setProblem(null);
    setServerBedsError(null);
    const body = { status, beds_free: bedsFree, ...(bedsTotal !== null ? { beds_total: bedsTotal } : {}) };
    try {
      await post.mutateAsync({ ...body, idempotencyKey: keyFor(body) });
      notify(t('services.capacityPosted'));
      setStatus(null);
      setBeds('');
    } catch (error) {
      if (isApiError(error)) {
        const fields = fieldErrorsFromProblem(error.problem);
        setServerBedsError(fields.beds_free ?? null);
        setProblem(generalProblemMessage(error.problem, ['beds_free', 'beds_total', 'status']));
      } else setProblem(t('common.errorBody'));
    }
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="capacity-title">
      <Title order={2} size="h4" id="capacity-title" mb="sm">
        {t('services.capacity')}
      </Title>
      <Stack gap={4} mb="md" data-testid="service-capacity">
        <CapacityBadge status={service.capacity.status} bedsFree={service.capacity.beds_free} />
        {service.capacity.beds_total != null && <Text size="xs">{t('capacityForm.bedsInAll', { count: service.capacity.beds_total })}</Text>}
        <CapacityFreshness capacity={service.capacity} />
      </Stack>
      {canPost && (
        <form onSubmit={(event) => void submit(event)} noValidate data-testid="capacity-form">
          <Stack gap="sm">
            <FormProblem message={problem} />
            <Select
              label={t('services.newCapacity')}
              data={POSTED_CAPACITIES.map((code) => ({ value: code, label: t(`capacity.${code}`) }))}
              value={status}
              onChange={(value) => {
                setStatus(value as PostedCapacity | null);
                setServerBedsError(null);
              }}
              required
            />
            <NumberInput
              label={t('services.bedsFreeLabel')}
              min={0}
              max={10000}
              allowDecimal={false}
              value={beds}
              onChange={(value) => {
                setBeds(value);
                setServerBedsError(null);
              }}
              error={bedsError}
              data-testid="capacity-beds-free"
            />
            <NumberInput
              label={t('capacityForm.bedsTotalLabel')}
              description={t('capacityForm.bedsTotalHint')}
              min={0}
              max={10000}
              allowDecimal={false}
              value={total}
              onChange={setTotal}
              data-testid="capacity-beds-total"
            />
            <Group justify="flex-end">
              <Button type="submit" disabled={!status} loading={post.isPending}>
                {t('services.postCapacity')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

export function ServicePage({ network, serviceId }: { network: string; serviceId: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const permissions = usePermissions(network);
  const service = useService(network, serviceId);
  const navigate = useNavigate();
  const remove = useDeleteService(network);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  if (service.isPending) return <LoadingState />;
  if (service.isError) {
    if (isApiError(service.error, 404) || isApiError(service.error, 422)) {
      return (
        <EmptyState
          title={t('services.notFoundTitle')}
          action={
            <ButtonLink to="/n/$network/services" params={{ network }} variant="default">
              {t('nav.services')}
            </ButtonLink>
          }
        />
      );
    }
    return <ErrorState onRetry={() => void service.refetch()} />;
  }
  const record = service.data;
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const canEdit = permissions.editServicesOf(record.partner_id);
  const confirmDelete = async () => {
    setProblem(null);
    try {
      await remove.mutateAsync({ serviceId: record.id, version: record.version });
      notify(t('serviceForm.deleted', { name: record.name }));
      await navigate({ to: '/n/$network/services', params: { network } });
    } catch (error) {
      setConfirming(false);
      if (isApiError(error, 412)) setStale(true);
      else if (isApiError(error, 403)) setProblem(t('serviceForm.forbidden'));
      else setProblem(isApiError(error) ? generalProblemMessage(error.problem, []) : t('common.errorBody'));
    }
  };
  return (
    <Stack gap="lg">
      <div>
        <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
          <AnchorLink to="/n/$network/services" params={{ network }} size="sm">
            {t('nav.services')}
          </AnchorLink>
          <Text size="sm" aria-current="page" lineClamp={1}>
            {record.name}
          </Text>
        </Breadcrumbs>
        <PageHeader
          title={record.name}
          description={
            <Group gap={6} component="span">
              <Badge color="gray" variant="outline" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>
                {t(`serviceType.${record.type}`)}
              </Badge>
              <Badge color={record.status === 'active' ? 'teal' : 'yellow'} styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>
                {t(`serviceStatus.${record.status}`)}
              </Badge>
              <AnchorLink to="/n/$network/partners/$partnerId" params={{ network, partnerId: record.partner_id }} size="sm">
                {record.partner_name}
              </AnchorLink>
              <SectorBadge sector={record.partner_sector} />
            </Group>
          }
          actions={
            canEdit && (
              <>
                <ButtonLink
                  to="/n/$network/services/$serviceId/edit"
                  params={{ network, serviceId: record.id }}
                  leftSection={<IconPencil size={16} aria-hidden="true" />}
                  variant="default"
                >
                  {t('serviceForm.edit')}
                </ButtonLink>
                <Button variant="default" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={() => setConfirming(true)}>
                  {t('serviceForm.delete')}
                </Button>
              </>
            )
          }
        />
      </div>
      {stale && (
        <ConflictAlert
          onReload={async () => {
            await service.refetch();
            setStale(false);
          }}
        />
      )}
      {problem && (
        <Alert color="orange" variant="light" role="alert" title={t('common.saveFailed')}>
          {problem}
        </Alert>
      )}
      <ConfirmDeleteModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('serviceForm.deleteTitle')}
        message={t('serviceForm.deleteConfirm', { name: record.name })}
        actionLabel={t('serviceForm.deleteAction')}
        onConfirm={() => void confirmDelete()}
        loading={remove.isPending}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="service-details">
              <Title order={2} size="h4" id="service-details" mb="md">
                {t('services.details')}
              </Title>
              {record.description && <Text mb="md">{record.description}</Text>}
              <Grid gap="md">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Fact label={t('services.frontDoor')}>
                    {record.front_door_phone && <Anchor href={`tel:${record.front_door_phone.replace(/[^+0-9]/g, '')}`}>{record.front_door_phone}</Anchor>}
                    {record.front_door_phone && record.front_door_email && ' · '}
                    {record.front_door_email && <Anchor href={`mailto:${record.front_door_email}`}>{record.front_door_email}</Anchor>}
                    {!record.front_door_phone && !record.front_door_email && t('common.none')}
                  </Fact>
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Fact label={t('services.hours')}>
                    {record.open_24_7
                      ? t('services.open247')
                      : record.opening_hours.length
                        ? record.opening_hours.map((slot) => `${t(`weekday.${slot.day}`)} ${slot.opens}–${slot.closes}`).join(', ')
                        : t('common.none')}
                  </Fact>
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Fact label={t('services.populations')}>
                    {record.populations.length ? record.populations.map((code) => t(`population.${code}`)).join(', ') : t('services.everyone')}
                  </Fact>
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Fact label={t('services.ages')}>
                    {record.age_min === null && record.age_max === null ? t('services.allAges') : `${record.age_min ?? 0}–${record.age_max ?? '…'}`}
                  </Fact>
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Fact label={t('services.genders')}>
                    {record.genders.length ? record.genders.map((code) => t(`gender.${code}`)).join(', ') : t('services.everyone')}
                  </Fact>
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Fact label={t('services.languages')}>{record.languages.map(names.language).join(', ') || t('common.none')}</Fact>
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Fact label={t('services.areas')}>{record.areas.map(names.area).join(', ') || t('common.none')}</Fact>
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Fact label={t('services.entryPoint')}>{yesNo(record.entry_point)}</Fact>
                </Grid.Col>
              </Grid>
              <Group gap={6} mt="md">
                {(['wheelchair_access', 'sign_language', 'interpreters', 'free_of_charge', 'female_staff'] as const).map((key) => (
                  <Badge key={key} color="gray" variant={record[key] ? 'light' : 'outline'} styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>
                    {t(`services.feature.${key}`)}: {yesNo(record[key])}
                  </Badge>
                ))}
              </Group>
            </Paper>
            <LocationsPanel network={network} service={record} canEdit={canEdit} />
            <ServicePathwaysPanel network={network} serviceId={record.id} canAdd={canEdit} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <CapacityCard network={network} service={record} canPost={canEdit} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
