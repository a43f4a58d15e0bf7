import { Alert, Anchor, Badge, Button, Checkbox, Group, List, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconPhoneOff, IconPrinter, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { NeedRoutes, Route } from '@/client';
import { AreaSelect } from '@/components/AreaPicker';
import { LanguageSelect } from '@/components/LanguagePicker';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useFormat } from '@/lib/format';
import { generalProblemMessage, isApiError } from '@/lib/problem';
import { NEEDS, POPULATIONS, type Need, type Population } from '@/lib/vocabulary';

import { LANGUAGE_TAG, type RouteSearch } from '../api/search';
import { usePartnerOptions, useRoutes, useServiceOptions } from '../api/services';
import { CapacityBadge } from '../components/Capacity';
import { PrintHeader } from '../components/PrintHeader';
import { ServicesNav } from '../components/ServicesNav';

function RouteCard({ network, route, index }: { network: string; route: Route; index: number }) {
  const { t } = useTranslation();
  const target = route.target;
  return (
    <Paper withBorder p="md" radius="md" data-testid="route">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Text size="xs" c="dimmed">
            {t('routes.option', { n: index + 1 })}
          </Text>
          <AnchorLink to="/n/$network/services/$serviceId" params={{ network, serviceId: target.service.id }} fw={700}>
            {target.service.name}
          </AnchorLink>
          <Text size="sm">
            {target.service.partner_name} · {t(`serviceType.${target.service.type}`)}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <CapacityBadge status={target.capacity} bedsFree={target.beds_free} />
          <Text size="xs" data-testid="route-room">
            {t(`routeAnswer.room.${target.room}`)}
          </Text>
          {route.total_expected_response_minutes != null && (
            <Text size="xs">{t('routes.totalResponse', { count: route.total_expected_response_minutes })}</Text>
          )}
        </Stack>
      </Group>
      {target.no_contact ? (
        <Alert color="red" variant="light" mb="xs" icon={<IconPhoneOff size={16} aria-hidden="true" />} data-testid="route-no-contact">
          {target.no_contact_note ?? t('routeAnswer.noContact')}
        </Alert>
      ) : (
        <Text size="sm" mb="xs" data-testid="route-contact">
          {t('services.frontDoor')}:{' '}
          {target.front_door_phone && <Anchor href={`tel:${target.front_door_phone.replace(/[^+0-9]/g, '')}`}>{target.front_door_phone}</Anchor>}
          {target.front_door_phone && target.front_door_email && ' · '}
          {target.front_door_email && <Anchor href={`mailto:${target.front_door_email}`}>{target.front_door_email}</Anchor>}
        </Text>
      )}
      {target.fits.length > 0 && (
        <List size="sm" mb="xs">
          {target.fits.map((fit) => (
            <List.Item key={`${fit.code}-${fit.value ?? ''}`}>{fit.text}</List.Item>
          ))}
        </List>
      )}
      {route.steps.length === 0 ? (
        <Text size="sm" fw={600}>
          {t('routes.direct')}
        </Text>
      ) : (
        <Stack gap={4} component="ol" style={{ paddingLeft: '1.2rem', margin: 0 }} aria-label={t('routes.steps')}>
          {route.steps.map((step) => (
            <li key={step.pathway_id}>
              <Text size="sm">
                <Text span fw={600}>
                  {step.from_service.name}
                </Text>{' '}
                <IconArrowDown size={12} aria-hidden="true" style={{ transform: 'rotate(-90deg)' }} />{' '}
                <Text span fw={600}>
                  {step.to_service.name}
                </Text>{' '}
                ({t(`channel.${step.channel}`)}
                {step.expected_response_minutes != null ? `, ${t('routes.responseIn', { count: step.expected_response_minutes })}` : ''})
              </Text>
              <Text size="xs" data-testid="route-step-why">
                {t('routes.agreedFor', { need: t(`need.${step.agreed_for}`) })} {step.why}
              </Text>
              <Group gap={4}>
                {step.consent_required && <Badge size="sm" color="gray" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>{t('routes.consent')}</Badge>}
              </Group>
              {step.mandatory_reporting_note && (
                <Text size="xs" fw={600}>
                  {t('routes.mandatoryReporting')}: {step.mandatory_reporting_note}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function NeedResult({ network, result }: { network: string; result: NeedRoutes }) {
  const { t } = useTranslation();
  const excluded = result.excluded ?? [];
  const excludedTotal = result.excluded_total ?? excluded.length;
  return (
    <section aria-labelledby={`need-${result.need}`} data-testid={`need-${result.need}`}>
      <Title order={2} size="h4" id={`need-${result.need}`} mb="xs">
        {t(`need.${result.need}`)}{' '}
        <Text span size="sm" fw={500}>
          ({result.met ? t('routes.met') : t('routes.unmet')})
        </Text>
      </Title>
      {!result.met && (result.unmet_reason || result.unmet) && (
        <Alert color="yellow" variant="light" mb="sm" data-testid="unmet-reason">
          {result.unmet_reason ?? t(`routes.unmetCode.${result.unmet}`)}
          {result.fitting_services > 0 && <Text size="xs" mt={4}>{t('routes.fittingServices', { count: result.fitting_services })}</Text>}
        </Alert>
      )}
      {excluded.length > 0 && (
        <Paper withBorder p="sm" radius="md" mb="sm" data-testid="route-excluded">
          <Text size="sm" fw={600} mb={4}>
            {t('routeAnswer.excludedTitle', { count: excludedTotal })}
          </Text>
          <List size="sm">
            {excluded.map((item) => (
              <List.Item key={item.service.id}>
                <Text span fw={600} size="sm">
                  {item.service.name}
                </Text>{' '}
                <Text span size="sm">
                  ({item.service.partner_name}): {item.reasons.map((reason) => reason.text).join(' ')}
                </Text>
              </List.Item>
            ))}
          </List>
          {excludedTotal > excluded.length && (
            <Text size="xs" mt={4}>
              {t('routeAnswer.excludedMore', { count: excludedTotal - excluded.length })}
            </Text>
          )}
        </Paper>
      )}
      <Stack gap="sm">
        {result.routes.map((route, index) => (
          <RouteCard key={`${route.target.service.id}-${index}`} network={network} route={route} index={index} />
        ))}
      </Stack>
    </section>
  );
}

export function RouteFinderPage({ network, search, onSearchChange }: { network: string; search: RouteSearch; onSearchChange: (next: RouteSearch) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const services = useServiceOptions(network);
  const partners = usePartnerOptions(network);
  const routes = useRoutes(network, search);
  // The form is edited here; "Find routes" writes it to the URL, which asks the API.
  const [draft, setDraft] = useState<RouteSearch>({ entry_kind: 'service', ...search });
  const [shown, setShown] = useState(search);
  if (shown !== search) {
    setShown(search);
    setDraft({ entry_kind: 'service', ...search });
  }
  const entryOptions =
    draft.entry_kind === 'partner'
      ? // Every partner: one with no service of its own (a police unit) starts from the front doors.
        (partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))
      : (services.data ?? []).filter((s) => s.entry_point || s.status === 'active').map((s) => ({ value: s.id, label: `${s.name} — ${s.partner_name}` }));
  const languageInvalid = Boolean(draft.language && !LANGUAGE_TAG.test(draft.language));
  const ready = Boolean(draft.entry && draft.need?.length) && !languageInvalid;
  const set = (patch: Partial<RouteSearch>) => setDraft((current) => ({ ...current, ...patch }));
  // The question as asked (the URL), in words, for the printout.
  const asked =
    search.entry_kind === 'partner'
      ? (partners.data ?? []).find((p) => p.id === search.entry)?.name
      : (services.data ?? []).find((s) => s.id === search.entry)?.name;
  const questionText = [
    `${t('routes.entry')}: ${routes.data?.entry_partner?.name ?? asked ?? routes.data?.entry_services.map((s) => s.name).join(', ') ?? ''}`,
    `${t('routes.needs')}: ${(search.need ?? []).map((need) => t(`need.${need}`)).join(', ')}`,
    search.population && `${t('routes.population')}: ${t(`population.${search.population}`)}`,
    search.language && `${t('routes.language')}: ${format.languageName(search.language)}`,
    search.area && `${t('coverage.filters.area')}: ${search.area}`,
    search.h24 === 'yes' && t('routes.needs247'),
    search.wheelchair === 'yes' && t('routes.needsWheelchair'),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeader
        title={t('routes.title')}
        description={t('routes.description')}
        actions={
          routes.data && (
            <Button variant="default" className="no-print" leftSection={<IconPrinter size={16} aria-hidden="true" />} onClick={() => window.print()}>
              {t('routes.print')}
            </Button>
          )
        }
      />
      <ServicesNav network={network} current="routes" />
      <Paper withBorder p="md" radius="md" mb="lg" component="form" className="no-print" aria-label={t('routes.question')} onSubmit={(event) => {
        event.preventDefault();
        if (ready) onSearchChange(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined && v !== '')) as RouteSearch);
      }} noValidate data-testid="route-form">
        <Stack gap="sm">
          <SegmentedControl
            value={draft.entry_kind ?? 'service'}
            onChange={(value) => set({ entry_kind: value as 'service' | 'partner', entry: undefined })}
            data={[
              { value: 'service', label: t('routes.entryService') },
              { value: 'partner', label: t('routes.entryPartner') },
            ]}
            aria-label={t('routes.entryKind')}
            // Long labels (French) wrap inside the control instead of pushing the page sideways on a phone.
            style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
            styles={{ label: { whiteSpace: 'normal' } }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('routes.entry')}
              description={t('routes.entryHint')}
              data={entryOptions}
              value={draft.entry ?? null}
              onChange={(value) => set({ entry: value ?? undefined })}
              searchable
              required
              data-testid="route-entry"
            />
            <MultiSelect
              label={t('routes.needs')}
              description={t('routes.needsHint')}
              data={NEEDS.map((code) => ({ value: code, label: t(`need.${code}`) }))}
              value={draft.need ?? []}
              onChange={(value) => set({ need: value.length ? (value as Need[]) : undefined })}
              searchable
              required
              data-testid="route-needs"
            />
            <Select
              label={t('routes.population')}
              data={POPULATIONS.map((code) => ({ value: code, label: t(`population.${code}`) }))}
              value={draft.population ?? null}
              onChange={(value) => set({ population: (value as Population | null) ?? undefined })}
              clearable
              searchable
            />
            <LanguageSelect
              label={t('routes.language')}
              description={t('languages.pickerHint')}
              value={draft.language ?? null}
              onChange={(value) => set({ language: value ?? undefined })}
              error={languageInvalid ? t('validation.languageTag') : undefined}
              data-testid="route-language"
            />
            <AreaSelect
              network={network}
              label={t('coverage.filters.area')}
              description={t('areas.filterHint')}
              value={draft.area ?? null}
              onChange={(value) => set({ area: value ?? undefined })}
              data-testid="route-area"
            />
            <Stack gap="xs" justify="flex-end">
              <Checkbox label={t('routes.needs247')} checked={draft.h24 === 'yes'} onChange={(event) => set({ h24: event.currentTarget.checked ? 'yes' : undefined })} />
              <Checkbox label={t('routes.needsWheelchair')} checked={draft.wheelchair === 'yes'} onChange={(event) => set({ wheelchair: event.currentTarget.checked ? 'yes' : undefined })} />
            </Stack>
          </SimpleGrid>
          <Group>
            <Button type="submit" leftSection={<IconRoute size={16} aria-hidden="true" />} disabled={!ready}>
              {t('routes.find')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {routes.data && (
        <PrintHeader network={network} title={t('routes.title')}>
          <Text size="sm" data-testid="print-question">
            {t('printout.question')}: {questionText}
          </Text>
        </PrintHeader>
      )}
      <div aria-live="polite" aria-busy={routes.isFetching} data-testid="route-results">
        {!search.entry && <EmptyState title={t('routes.askTitle')}>{t('routes.askBody')}</EmptyState>}
        {search.entry && routes.isPending && routes.fetchStatus !== 'idle' && <LoadingState />}
        {routes.isError && (
          <ErrorState message={isApiError(routes.error) ? (generalProblemMessage(routes.error.problem, []) ?? undefined) : undefined} onRetry={() => void routes.refetch()} />
        )}
        {routes.data && (
          <Stack gap="lg">
            {routes.data.entry_note ? (
              <Alert color="blue" variant="light" data-testid="route-entry-note">
                {routes.data.entry_note}
              </Alert>
            ) : (
              routes.data.entry_services.length > 0 && (
                <Text size="sm">
                  {t('routes.from')}: {routes.data.entry_services.map((s) => s.name).join(', ')}
                </Text>
              )
            )}
            {routes.data.needs.map((result) => (
              <NeedResult key={result.need} network={network} result={result} />
            ))}
          </Stack>
        )}
      </div>
    </>
  );
}
