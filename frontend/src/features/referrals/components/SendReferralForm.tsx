import { Alert, Button, Checkbox, Group, Loader, MultiSelect, Paper, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { PathwayPublic, ReferralPublic } from '@/client';
import { FormProblem } from '@/components/ConflictAlert';
import { useIdempotencyKey } from '@/lib/idempotency';
import { generalProblemMessage, isApiError } from '@/lib/problem';
import { URGENCIES, type Need, type Urgency } from '@/lib/vocabulary';

import { usePathwaysFrom, useSendReferral, type ServiceName } from '../api/referrals';
import { useDuration } from './duration';
import { consentRequired, offeredNeeds, OFF_PATHWAY, REFERENCE_MAX, sendFormErrorsFromProblem, sendFormProblems, toReferralCreate, type SendFormValues } from './send-form';

const API_FIELDS = ['pathway_id', 'from_service_id', 'to_service_id', 'needs', 'urgency', 'consent_given', 'sender_reference'];

function PathwayTerms({ pathway }: { pathway: PathwayPublic }) {
  const { t } = useTranslation();
  const duration = useDuration();
  return (
    <>
      {t('referralForm.pathwayFor', { needs: pathway.needs.map((need) => t(`need.${need}`)).join(', ') })}
      {' · '}
      {pathway.expected_response_minutes ? t('referralForm.expected', { time: duration(pathway.expected_response_minutes) }) : t('referralForm.noExpected')}
      {' · '}
      {pathway.consent_required ? t('referralForm.asksConsent') : t('referralForm.noConsentAsked')}
    </>
  );
}

/**
 * Send a referral: from one of the caller's partners' services, along one of its active
 * pathways (whose own needs and consent rule apply) or straight to a service. Codes only:
 * nothing here may identify the survivor, and there is no field that could.
 */
export function SendReferralForm({
  network,
  ownServices,
  receivingServices,
  initialValues,
  onSent,
  onCancel,
}: {
  network: string;
  /** The services the caller may send from (their partners'). */
  ownServices: ServiceName[];
  /** Every active service, for a referral sent straight to one. */
  receivingServices: ServiceName[];
  initialValues: SendFormValues;
  onSent: (referral: ReferralPublic) => Promise<void> | void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const send = useSendReferral(network);
  const keyFor = useIdempotencyKey();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<SendFormValues>({ mode: 'controlled', initialValues });
  const values = form.values;
  const pathways = usePathwaysFrom(network, values.from_service_id);
  const pathway = values.route && values.route !== OFF_PATHWAY ? pathways.data?.find((p) => p.id === values.route) : undefined;
  const offPathway = values.route === OFF_PATHWAY;
  const offered = offeredNeeds(values.route, pathway);
  const consentAsked = consentRequired(values.route, pathway);

  const validate = () => {
    const problems = sendFormProblems(values, pathway);
    const errors = Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key, { max: REFERENCE_MAX })]));
    form.setErrors(errors);
    return Object.keys(errors).length === 0;
  };

  const chooseService = (id: string | null) => {
    form.setValues({ from_service_id: id, route: null, to_service_id: null, needs: [] });
    form.clearErrors();
  };

  const chooseRoute = (route: string) => {
    const next = route === OFF_PATHWAY ? undefined : pathways.data?.find((p) => p.id === route);
    const nextOffered = offeredNeeds(route, next);
    const kept = values.needs.filter((need) => nextOffered.includes(need));
    // A pathway for one need only: that need is the referral's.
    form.setValues({ route, to_service_id: route === OFF_PATHWAY ? values.to_service_id : null, needs: kept.length === 0 && nextOffered.length === 1 && route !== OFF_PATHWAY ? nextOffered : kept });
    form.setFieldError('route', null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!validate()) return;
    const body = toReferralCreate(values);
    try {
      const created = await send.mutateAsync({ body, idempotencyKey: keyFor(body) });
      await onSent(created);
    } catch (error) {
      // What was chosen and typed stays: only the messages change.
      if (!isApiError(error)) {
        setProblem(t('common.errorBody'));
        return;
      }
      if (error.status === 403) {
        setProblem(t('referralForm.forbidden'));
        return;
      }
      form.setErrors(sendFormErrorsFromProblem(error.problem, offPathway));
      setProblem(generalProblemMessage(error.problem, API_FIELDS));
    }
  };

  const fromOptions = ownServices.map((s) => ({ value: s.id, label: ownServices.some((o) => o.partner_id !== s.partner_id) ? `${s.name} — ${s.partner_name}` : s.name }));
  const toOptions = receivingServices.filter((s) => s.id !== values.from_service_id).map((s) => ({ value: s.id, label: `${s.name} — ${s.partner_name}` }));
  const consentHint = offPathway ? t('referralForm.consentOffPathway') : consentAsked ? t('referralForm.consentAsked') : pathway ? t('referralForm.consentOptional') : t('referralForm.consentChooseFirst');

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="send-referral-form" aria-busy={send.isPending}>
        <Stack gap="lg">
          <Alert
            color="teal"
            variant="light"
            icon={<IconShieldCheck aria-hidden="true" color="var(--mantine-color-teal-9)" />}
            title={t('referralForm.privacyTitle')}
            styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
          >
            {t('referralForm.privacyBody')}
          </Alert>
          <FormProblem message={problem} />
          <Select
            label={t('referralForm.from')}
            description={t('referralForm.fromHint')}
            required
            searchable={fromOptions.length > 8}
            allowDeselect={false}
            data={fromOptions}
            value={values.from_service_id}
            onChange={chooseService}
            error={form.errors.from_service_id}
            data-testid="referral-from"
          />
          {values.from_service_id && (
            <Radio.Group
              label={t('referralForm.route')}
              description={t('referralForm.routeHint')}
              required
              value={values.route}
              onChange={chooseRoute}
              error={form.errors.route}
              data-testid="referral-route"
            >
              {pathways.isPending && <Loader size="sm" mt="sm" aria-label={t('common.loading')} />}
              {pathways.isError && (
                <Text size="sm" c="orange.9" mt="sm">
                  {t('common.errorBody')}
                </Text>
              )}
              <Stack gap="sm" mt="sm">
                {pathways.data?.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('referralForm.noPathways')}
                  </Text>
                )}
                {pathways.data?.map((p) => (
                  <Radio
                    key={p.id}
                    value={p.id}
                    label={t('referralForm.pathwayTo', { service: p.to_service.name, partner: p.to_service.partner_name })}
                    description={<PathwayTerms pathway={p} />}
                  />
                ))}
                <Radio value={OFF_PATHWAY} label={t('referralForm.offPathway')} description={t('referralForm.offPathwayHint')} />
              </Stack>
            </Radio.Group>
          )}
          {offPathway && (
            <Select
              label={t('referralForm.to')}
              description={t('referralForm.toHint')}
              required
              searchable
              data={toOptions}
              value={values.to_service_id}
              onChange={(value) => form.setFieldValue('to_service_id', value)}
              error={form.errors.to_service_id}
              nothingFoundMessage={t('pathwayForm.noService')}
              data-testid="referral-to"
            />
          )}
          {values.route && !offPathway && pathway && (
            <Checkbox.Group
              label={t('referralForm.needs')}
              description={t('referralForm.needsHint')}
              required
              value={values.needs}
              onChange={(value) => form.setFieldValue('needs', value as Need[])}
              error={form.errors.needs}
              data-testid="referral-needs"
            >
              <Stack gap="xs" mt="xs">
                {offered.map((need) => (
                  <Checkbox key={need} value={need} label={t(`need.${need}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {offPathway && (
            <MultiSelect
              label={t('referralForm.needs')}
              description={t('referralForm.needsOffPathwayHint')}
              required
              searchable
              data={offered.map((need) => ({ value: need, label: t(`need.${need}`) }))}
              value={values.needs}
              onChange={(value) => form.setFieldValue('needs', value as Need[])}
              error={form.errors.needs}
              data-testid="referral-needs"
            />
          )}
          <Radio.Group
            label={t('referralForm.urgency')}
            required
            value={values.urgency}
            onChange={(value) => form.setFieldValue('urgency', value as Urgency)}
            error={form.errors.urgency}
            data-testid="referral-urgency"
          >
            <Group gap="lg" mt="xs">
              {URGENCIES.map((code) => (
                <Radio key={code} value={code} label={t(`urgency.${code}`)} description={t(`referralForm.urgencyHint.${code}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Checkbox
            label={t('referralForm.consent')}
            description={consentHint}
            required={consentAsked}
            checked={values.consent_given}
            onChange={(event) => {
              form.setFieldValue('consent_given', event.currentTarget.checked);
              if (event.currentTarget.checked) form.setFieldError('consent_given', null);
            }}
            error={form.errors.consent_given}
            data-testid="referral-consent"
          />
          <TextInput
            label={t('referralForm.reference')}
            description={t('referralForm.referenceHint')}
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('sender_reference')}
            onChange={(event) => {
              const value = event.currentTarget.value;
              form.setFieldValue('sender_reference', value);
              form.setFieldError('sender_reference', value.trim().length > REFERENCE_MAX ? t('referralForm.referenceTooLong', { max: REFERENCE_MAX }) : null);
            }}
            data-testid="referral-reference"
          />
          <Group gap="xs" c="dimmed">
            <IconInfoCircle size={16} aria-hidden="true" />
            <Text size="sm" c="dimmed" style={{ flex: 1 }}>
              {t('referralForm.afterSending')}
            </Text>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('referralForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
