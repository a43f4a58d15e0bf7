import { ActionIcon, Badge, Button, Checkbox, Group, Modal, MultiSelect, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArchive, IconArrowBackUp, IconLanguage, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RolePublic } from '@/client';
import { SectorBadge } from '@/components/CodeBadges';
import { ConflictAlert, FormProblem } from '@/components/ConflictAlert';
import { notify } from '@/components/notify';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useIdempotencyKey } from '@/lib/idempotency';
import { LANGUAGES, type Language } from '@/lib/i18n';
import { usePermissions } from '@/lib/membership';
import { fieldErrorsFromProblem, generalProblemMessage, isApiError } from '@/lib/problem';
import { SECTORS, type Sector } from '@/lib/vocabulary';

import { useCreateRole, useRoleIn, useRoles, useUpdateRole } from '../api/coverage';
import type { RoleSearch } from '../api/search';
import { CoverageNav } from '../components/CoverageNav';

const LANGUAGE_LABELS: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };
const CODE = /^[a-z0-9_.-]{1,80}$/;

function RoleFlags({ role }: { role: RolePublic }) {
  const { t } = useTranslation();
  const grey = { label: { color: 'var(--mantine-color-dark-8)' } };
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="outline" color="gray" styles={grey}>
        {t(`coverage.roles.origin.${role.origin === 'network' ? 'network' : 'catalogue'}`)}
      </Badge>
      {role.implied && <Badge color="gray" styles={grey}>{t('coverage.roles.implied')}</Badge>}
      {role.customised && <Badge color="blue" styles={grey}>{t('coverage.roles.customised')}</Badge>}
      {role.retired && <Badge color="yellow" styles={grey}>{t('coverage.roles.retired')}</Badge>}
    </Group>
  );
}

function NewRoleForm({ network, onDone }: { network: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRole(network);
  const keyFor = useIdempotencyKey();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { sector: '', code: '', title_en: '', title_fr: '', title_es: '', description_en: '', description_fr: '', description_es: '' },
    validateInputOnBlur: true,
    validate: {
      sector: (value) => (!value ? t('validation.required') : null),
      code: (value) => (value && !CODE.test(value) ? t('coverage.roles.codeHint') : null),
      title_en: (value) => (!value.trim() ? t('validation.required') : value.length > 300 ? t('validation.maxLength', { max: 300 }) : null),
      title_fr: (value) => (value.length > 300 ? t('validation.maxLength', { max: 300 }) : null),
      title_es: (value) => (value.length > 300 ? t('validation.maxLength', { max: 300 }) : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const optional = (value: string) => value.trim() || undefined;
    const body = {
      sector: values.sector as Sector,
      code: values.code.trim() || null,
      title: { en: values.title_en.trim(), fr: optional(values.title_fr), es: optional(values.title_es) },
      description: { en: optional(values.description_en), fr: optional(values.description_fr), es: optional(values.description_es) },
    };
    try {
      await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
      notify(t('coverage.roles.created'));
      onDone();
    } catch (error) {
      if (isApiError(error)) {
        // The API names nested fields `body.title.en`: shown at title_en.
        const errors: Record<string, string> = {};
        for (const item of error.problem?.errors ?? []) {
          const path = item.field.replace(/^body\./, '').split('.');
          const name = path.length > 1 && (path[0] === 'title' || path[0] === 'description') ? `${path[0]}_${path[1]}` : path[0];
          if (name && !(name in errors)) errors[name] = item.message;
        }
        form.setErrors({ ...fieldErrorsFromProblem(error.problem), ...errors });
        setProblem(generalProblemMessage(error.problem, ['sector', 'code', 'title', 'description']));
      } else setProblem(t('common.errorBody'));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="role-form">
      <Stack gap="sm">
        <FormProblem message={problem} />
        <Select
          label={t('coverage.roles.sector')}
          data={SECTORS.map((code) => ({ value: code, label: t(`sector.${code}`) }))}
          searchable
          required
          data-autofocus
          {...form.getInputProps('sector')}
        />
        <TextInput label={t('coverage.roles.code')} description={t('coverage.roles.codeHint')} {...form.getInputProps('code')} />
        {LANGUAGES.map((lang) => (
          <Stack key={lang} gap={6}>
            <TextInput label={t('coverage.roles.titleIn', { language: LANGUAGE_LABELS[lang] })} required={lang === 'en'} lang={lang} {...form.getInputProps(`title_${lang}`)} />
            <Textarea label={t('coverage.roles.descriptionIn', { language: LANGUAGE_LABELS[lang] })} autosize minRows={2} lang={lang} {...form.getInputProps(`description_${lang}`)} />
          </Stack>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('coverage.roles.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WordingForm({ network, role, lang, onDone }: { network: string; role: RolePublic; lang: Language; onDone: () => void }) {
  const current = useRoleIn(network, role.id, lang);
  if (current.isPending) return <LoadingState />;
  if (current.isError) return <ErrorState onRetry={() => void current.refetch()} />;
  const record = current.data.data;
  return (
    <WordingFields
      key={`${lang}-${record.version}`}
      network={network}
      role={record}
      lang={lang}
      onDone={onDone}
      onReload={() => void current.refetch()}
    />
  );
}

function WordingFields({ network, role, lang, onDone, onReload }: { network: string; role: RolePublic; lang: Language; onDone: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateRole(network);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // A language without its own wording falls back to English: start empty, show the fallback as a hint.
  const own = role.language === lang;
  const form = useForm({
    mode: 'controlled',
    initialValues: { title: own ? role.title : '', description: own ? role.description : '' },
    validateInputOnBlur: true,
    validate: {
      title: (value) => (!value.trim() ? t('validation.required') : value.length > 300 ? t('validation.maxLength', { max: 300 }) : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await update.mutateAsync({
        roleId: role.id,
        version: role.version,
        lang,
        body: { title: { [lang]: values.title.trim() }, description: { [lang]: values.description.trim() } },
      });
      notify(t('coverage.roles.saved'));
      onDone();
    } catch (error) {
      if (isApiError(error, 412)) setConflict(true);
      else if (isApiError(error)) {
        const errors: Record<string, string> = {};
        for (const item of error.problem?.errors ?? []) {
          const top = item.field.replace(/^body\./, '').split('.')[0];
          if ((top === 'title' || top === 'description') && !(top in errors)) errors[top] = item.message;
        }
        form.setErrors(errors);
        setProblem(generalProblemMessage(error.problem, ['title', 'description']));
      } else setProblem(t('common.errorBody'));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="wording-form">
      <Stack gap="sm">
        {conflict && <ConflictAlert onReload={onReload} />}
        <FormProblem message={problem} />
        {!own && (
          <Text size="sm" c="dimmed">
            {t('coverage.roles.noWording', { language: LANGUAGE_LABELS[lang] })} “{role.title}”
          </Text>
        )}
        <TextInput label={t('coverage.roles.title')} required lang={lang} data-autofocus {...form.getInputProps('title')} />
        <Textarea label={t('coverage.roles.description')} autosize minRows={3} lang={lang} {...form.getInputProps('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WordingDialog({ network, role, onClose }: { network: string; role: RolePublic | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Language>((i18n.resolvedLanguage as Language | undefined) ?? 'en');
  return (
    <Modal opened={role !== null} onClose={onClose} title={t('coverage.roles.editWording')} size="lg">
      {role && (
        <Stack gap="md">
          <Text size="sm" fw={600} lang={role.language}>
            {role.title}
          </Text>
          <SegmentedControl
            value={lang}
            onChange={(value) => setLang(value as Language)}
            data={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_LABELS[code] }))}
            aria-label={t('coverage.roles.wordingLanguage')}
          />
          <WordingForm network={network} role={role} lang={lang} onDone={onClose} />
        </Stack>
      )}
    </Modal>
  );
}

export function RolesPage({
  network,
  search,
  onSearchChange,
}: {
  network: string;
  search: RoleSearch;
  onSearchChange: (next: RoleSearch) => void;
}) {
  const { t } = useTranslation();
  const permissions = usePermissions(network);
  const roles = useRoles(network, { sector: search.sector ?? [], includeRetired: search.retired === 'include' });
  const update = useUpdateRole(network);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<RolePublic | null>(null);

  const toggleRetired = async (role: RolePublic) => {
    try {
      await update.mutateAsync({ roleId: role.id, version: role.version, body: { retired: !role.retired } });
      notify(role.retired ? t('coverage.roles.restored') : t('coverage.roles.retiredDone'));
    } catch (error) {
      notify(isApiError(error, 412) ? t('conflict.body') : t('common.errorBody'), 'problem');
    }
  };

  const bySector = SECTORS.map((sector) => ({ sector, items: (roles.data ?? []).filter((role) => role.sector === sector) })).filter(
    (group) => group.items.length > 0,
  );

  return (
    <>
      <PageHeader
        title={t('coverage.roles.pageTitle')}
        description={t('coverage.roles.intro')}
        actions={
          permissions.manageRoles && (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setAdding(true)}>
              {t('coverage.roles.add')}
            </Button>
          )
        }
      />
      <CoverageNav network={network} current="roles" />
      <Paper withBorder p="md" radius="md" mb="lg" component="section" aria-label={t('coverage.filters.title')}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <MultiSelect
            style={{ flex: '1 1 16rem' }}
            label={t('coverage.filters.sector')}
            data={SECTORS.map((code) => ({ value: code, label: t(`sector.${code}`) }))}
            value={search.sector ?? []}
            onChange={(value) => onSearchChange({ ...search, sector: value.length ? (value as Sector[]) : undefined })}
            searchable
            clearable
            placeholder={search.sector?.length ? undefined : t('partners.filters.any')}
          />
          <Checkbox
            label={t('coverage.roles.showRetired')}
            checked={search.retired === 'include'}
            onChange={(event) => onSearchChange({ ...search, retired: event.currentTarget.checked ? 'include' : undefined })}
            mb={8}
          />
        </Group>
      </Paper>
      <div aria-live="polite" aria-busy={roles.isFetching}>
        {roles.isPending && <LoadingState />}
        {roles.isError && <ErrorState onRetry={() => void roles.refetch()} />}
        {roles.data && roles.data.length === 0 && <EmptyState title={t('coverage.roles.emptyTitle')}>{t('coverage.roles.emptyBody')}</EmptyState>}
        {roles.data && roles.data.length > 0 && (
          <Text size="sm" c="dimmed" mb="sm" data-testid="roles-total">
            {t('coverage.rolesCount', { count: roles.data.length })}
          </Text>
        )}
        <Stack gap="lg">
          {bySector.map((group) => (
            <Paper key={group.sector} withBorder p="lg" radius="md" component="section" aria-labelledby={`roles-${group.sector}`}>
              <Title order={2} size="h4" id={`roles-${group.sector}`} mb="sm">
                {t(`sector.${group.sector}`)} <Text span c="dimmed" inherit fw={400}>({group.items.length})</Text>
              </Title>
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="sm" data-testid={`roles-table-${group.sector}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('coverage.roles.role')}</Table.Th>
                      <Table.Th>{t('coverage.roles.about')}</Table.Th>
                      {permissions.manageRoles && (
                        <Table.Th>
                          <span className="visually-hidden">{t('common.actions')}</span>
                        </Table.Th>
                      )}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {group.items.map((role) => (
                      <Table.Tr key={role.id} data-role-code={role.code} style={role.retired ? { opacity: 0.85 } : undefined}>
                        <Table.Td style={{ maxWidth: '38rem' }}>
                          <Text fw={600} size="sm" lang={role.language}>
                            {role.title}
                          </Text>
                          {role.description && (
                            <Text size="sm" c="dimmed" lang={role.language}>
                              {role.description}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4}>
                            <SectorBadge sector={role.sector} />
                            <RoleFlags role={role} />
                            {role.source && (
                              <Text size="xs" c="dimmed">
                                {t('coverage.roles.source', { source: role.source })}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                        {permissions.manageRoles && (
                          <Table.Td>
                            <Group gap={4} justify="flex-end" wrap="nowrap">
                              <Tooltip label={t('coverage.roles.editWording')}>
                                <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(role)} aria-label={t('coverage.roles.editWordingOf', { title: role.title })}>
                                  <IconLanguage size={16} aria-hidden="true" />
                                </ActionIcon>
                              </Tooltip>
                              <Tooltip label={role.retired ? t('coverage.roles.restore') : t('coverage.roles.retire')}>
                                <ActionIcon
                                  variant="subtle"
                                  color="gray"
                                  onClick={() => void toggleRetired(role)}
                                  aria-label={role.retired ? t('coverage.roles.restoreOf', { title: role.title }) : t('coverage.roles.retireOf', { title: role.title })}
                                >
                                  {role.retired ? <IconArrowBackUp size={16} aria-hidden="true" /> : <IconArchive size={16} aria-hidden="true" />}
                                </ActionIcon>
                              </Tooltip>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ))}
        </Stack>
      </div>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('coverage.roles.add')} size="lg">
        {adding && <NewRoleForm network={network} onDone={() => setAdding(false)} />}
      </Modal>
      <WordingDialog key={editing?.id ?? 'none'} network={network} role={editing} onClose={() => setEditing(null)} />
    </>
  );
}
