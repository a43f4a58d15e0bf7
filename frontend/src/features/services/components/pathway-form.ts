import type { Channel, Need, PathwayCreate, PathwayPublic, PathwayStatus, PathwayUpdate } from '@/client';

export interface PathwayFormValues {
  from_service_id: string | null;
  to_service_id: string | null;
  needs: Need[];
  consent_required: boolean;
  mandatory_reporting_note: string;
  expected_response_minutes: number | '';
  channel: Channel | null;
  protocol_reference: string;
  status: PathwayStatus;
  agreement_reference: string;
  /** YYYY-MM-DD, or '' for none. */
  review_date: string;
}

export const PATHWAY_FORM_FIELDS = [
  'from_service_id',
  'to_service_id',
  'needs',
  'consent_required',
  'mandatory_reporting_note',
  'expected_response_minutes',
  'channel',
  'protocol_reference',
  'status',
  'agreement_reference',
  'review_date',
] as const;

export const PATHWAY_STATUSES: readonly PathwayStatus[] = ['draft', 'agreed', 'active', 'suspended'];

/** A new pathway: consent first (as the API), a draft until the partners agree it. */
export function emptyPathwayForm(fromServiceId: string | null = null, toServiceId: string | null = null): PathwayFormValues {
  return {
    from_service_id: fromServiceId,
    to_service_id: toServiceId,
    needs: [],
    consent_required: true,
    mandatory_reporting_note: '',
    expected_response_minutes: '',
    channel: null,
    protocol_reference: '',
    status: 'draft',
    agreement_reference: '',
    review_date: '',
  };
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function pathwayToForm(pathway: PathwayPublic): PathwayFormValues {
  return {
    from_service_id: pathway.from_service.id,
    to_service_id: pathway.to_service.id,
    needs: pathway.needs,
    consent_required: pathway.consent_required,
    mandatory_reporting_note: pathway.mandatory_reporting_note ?? '',
    expected_response_minutes: pathway.expected_response_minutes ?? '',
    channel: pathway.channel,
    protocol_reference: pathway.protocol_reference ?? '',
    status: pathway.status,
    agreement_reference: pathway.agreement_reference ?? '',
    review_date: pathway.review_date ?? '',
  };
}

const orNull = (value: string) => value.trim() || null;

export function formToPathwayCreate(values: PathwayFormValues): PathwayCreate {
  return {
    from_service_id: values.from_service_id as string,
    to_service_id: values.to_service_id as string,
    needs: values.needs,
    consent_required: values.consent_required,
    mandatory_reporting_note: orNull(values.mandatory_reporting_note),
    expected_response_minutes: values.expected_response_minutes === '' ? null : values.expected_response_minutes,
    channel: values.channel as Channel,
    protocol_reference: orNull(values.protocol_reference),
    status: values.status,
    agreement_reference: orNull(values.agreement_reference),
    review_date: orNull(values.review_date),
  };
}

/** Only what changed; both ends of a pathway are fixed once it exists (delete and add another to move it). */
export function formToPathwayUpdate(values: PathwayFormValues, initial: PathwayFormValues): PathwayUpdate {
  const next = formToPathwayCreate(values);
  const before = formToPathwayCreate(initial);
  const update: PathwayUpdate = {};
  for (const key of Object.keys(next) as (keyof PathwayCreate)[]) {
    if (key === 'from_service_id' || key === 'to_service_id') continue;
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) {
      (update as Record<string, unknown>)[key] = next[key];
    }
  }
  return update;
}
