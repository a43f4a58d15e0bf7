import type { PathwayPublic, Problem, ReferralCreate } from '@/client';
import { fieldErrorsFromProblem } from '@/lib/problem';
import { NEEDS, type Need, type Urgency } from '@/lib/vocabulary';

/** The route's value for a referral sent straight to a service, not along a pathway. */
export const OFF_PATHWAY = 'off-pathway';

export interface SendFormValues {
  from_service_id: string | null;
  /** An active pathway's id, or OFF_PATHWAY. */
  route: string | null;
  /** The receiving service, off-pathway only (a pathway names its own). */
  to_service_id: string | null;
  needs: Need[];
  urgency: Urgency | null;
  consent_given: boolean;
  sender_reference: string;
}

export const SEND_FORM_FIELDS = ['from_service_id', 'route', 'to_service_id', 'needs', 'urgency', 'consent_given', 'sender_reference'] as const;

export const REFERENCE_MAX = 64;

export function emptySendForm(fromServiceId: string | null = null, route: string | null = null): SendFormValues {
  return { from_service_id: fromServiceId, route, to_service_id: null, needs: [], urgency: null, consent_given: false, sender_reference: '' };
}

type PathwayTerms = Pick<PathwayPublic, 'needs' | 'consent_required'>;

/**
 * Consent, as the API asks for it: along a pathway when the pathway says so; straight to a
 * service (off-pathway) always, since no agreement between the partners covers it.
 */
export function consentRequired(route: string | null, pathway: PathwayTerms | null | undefined): boolean {
  if (route === OFF_PATHWAY) return true;
  return pathway?.consent_required ?? false;
}

/** The needs a referral may be for: along a pathway, only the pathway's own; off-pathway, any. */
export function offeredNeeds(route: string | null, pathway: PathwayTerms | null | undefined): Need[] {
  if (route === OFF_PATHWAY) return [...NEEDS];
  return pathway ? NEEDS.filter((need) => pathway.needs.includes(need)) : [];
}

/** Catalogue keys of what is still missing or wrong, by field. */
export function sendFormProblems(values: SendFormValues, pathway: PathwayTerms | null | undefined): Partial<Record<(typeof SEND_FORM_FIELDS)[number], string>> {
  const problems: Partial<Record<(typeof SEND_FORM_FIELDS)[number], string>> = {};
  if (!values.from_service_id) problems.from_service_id = 'referralForm.fromRequired';
  if (!values.route) problems.route = 'referralForm.routeRequired';
  if (values.route === OFF_PATHWAY && !values.to_service_id) problems.to_service_id = 'referralForm.toRequired';
  if (values.route === OFF_PATHWAY && values.to_service_id && values.to_service_id === values.from_service_id) problems.to_service_id = 'referralForm.sameService';
  const offered = offeredNeeds(values.route, pathway);
  if (values.needs.length === 0) problems.needs = 'referralForm.needsRequired';
  else if (values.route !== OFF_PATHWAY && values.needs.some((need) => !offered.includes(need))) problems.needs = 'referralForm.needsOutside';
  if (!values.urgency) problems.urgency = 'referralForm.urgencyRequired';
  if (consentRequired(values.route, pathway) && !values.consent_given) problems.consent_given = 'referralForm.consentRequired';
  if (values.sender_reference.trim().length > REFERENCE_MAX) problems.sender_reference = 'referralForm.referenceTooLong';
  return problems;
}

/** What the API is sent; only called once sendFormProblems finds nothing. */
export function toReferralCreate(values: SendFormValues): ReferralCreate {
  const common = {
    needs: values.needs,
    urgency: values.urgency as Urgency,
    consent_given: values.consent_given,
    sender_reference: values.sender_reference.trim() || null,
  };
  if (values.route === OFF_PATHWAY) {
    return { ...common, from_service_id: values.from_service_id as string, to_service_id: values.to_service_id as string };
  }
  return { ...common, pathway_id: values.route as string };
}

/**
 * The API's field messages on the form's fields. It names the pathway (`pathway_id`) and,
 * off-pathway, both services; the form shows the pathway as its "route".
 */
export function sendFormErrorsFromProblem(problem: Problem | null | undefined, offPathway: boolean): Record<string, string> {
  const errors = fieldErrorsFromProblem(problem);
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const target = field === 'pathway_id' ? 'route' : field === 'to_service_id' && !offPathway ? 'route' : field === 'from_service_id' && !offPathway ? 'route' : field;
    if (!(target in result)) result[target] = message;
  }
  return result;
}
