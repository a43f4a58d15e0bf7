import { describe, expect, it } from 'vitest';

import { consentRequired, emptySendForm, offeredNeeds, OFF_PATHWAY, sendFormErrorsFromProblem, sendFormProblems, toReferralCreate, type SendFormValues } from './send-form';

const PATHWAY = '49b3ff02-d1c5-4e39-8223-7de41226fc22';
const FROM = '59b3ff02-d1c5-4e39-8223-7de41226fc22';
const TO = '69b3ff02-d1c5-4e39-8223-7de41226fc22';
const asking = { needs: ['psychosocial_support', 'safety_planning'], consent_required: true } as const;
const notAsking = { needs: ['emergency_shelter'], consent_required: false } as const;

const filled = (changes: Partial<SendFormValues> = {}): SendFormValues => ({
  ...emptySendForm(FROM, PATHWAY),
  needs: ['psychosocial_support'],
  urgency: 'same_day',
  consent_given: true,
  ...changes,
});

describe('the consent rule', () => {
  it('follows the pathway, and is always asked off-pathway', () => {
    expect(consentRequired(PATHWAY, { ...asking, needs: [...asking.needs] })).toBe(true);
    expect(consentRequired(PATHWAY, { ...notAsking, needs: [...notAsking.needs] })).toBe(false);
    expect(consentRequired(OFF_PATHWAY, null)).toBe(true);
    expect(consentRequired(null, null)).toBe(false);
  });

  it('stops a referral without consent where it is asked, not elsewhere', () => {
    const pathway = { ...asking, needs: [...asking.needs] };
    expect(sendFormProblems(filled({ consent_given: false }), pathway)).toEqual({ consent_given: 'referralForm.consentRequired' });
    expect(sendFormProblems(filled({ consent_given: false, needs: ['emergency_shelter'] }), { ...notAsking, needs: [...notAsking.needs] })).toEqual({});
    expect(sendFormProblems(filled({ route: OFF_PATHWAY, to_service_id: TO, consent_given: false }), null)).toEqual({ consent_given: 'referralForm.consentRequired' });
  });
});

describe('the needs offered', () => {
  it('are the pathway’s own, in the vocabulary’s order; any need off-pathway', () => {
    expect(offeredNeeds(PATHWAY, { needs: ['safety_planning', 'psychosocial_support'], consent_required: true })).toEqual(['psychosocial_support', 'safety_planning']);
    expect(offeredNeeds(OFF_PATHWAY, null).length).toBeGreaterThan(10);
    expect(offeredNeeds(null, null)).toEqual([]);
  });

  it('refuse a need the pathway is not for', () => {
    expect(sendFormProblems(filled({ needs: ['housing'] }), { ...asking, needs: [...asking.needs] })).toEqual({ needs: 'referralForm.needsOutside' });
  });
});

describe('what is asked before sending', () => {
  it('names every missing choice', () => {
    expect(sendFormProblems(emptySendForm(), null)).toEqual({
      from_service_id: 'referralForm.fromRequired',
      route: 'referralForm.routeRequired',
      needs: 'referralForm.needsRequired',
      urgency: 'referralForm.urgencyRequired',
    });
    expect(sendFormProblems(filled({ route: OFF_PATHWAY, to_service_id: FROM }), null)).toMatchObject({ to_service_id: 'referralForm.sameService' });
    expect(sendFormProblems(filled({ sender_reference: 'X1'.repeat(40) }), { ...asking, needs: [...asking.needs] })).toEqual({ sender_reference: 'referralForm.referenceTooLong' });
  });
});

describe('the body sent', () => {
  it('goes along the pathway, the reference trimmed (or null)', () => {
    expect(toReferralCreate(filled({ sender_reference: ' DV-2026-0042 ' }))).toEqual({
      pathway_id: PATHWAY,
      needs: ['psychosocial_support'],
      urgency: 'same_day',
      consent_given: true,
      sender_reference: 'DV-2026-0042',
    });
    expect(toReferralCreate(filled()).sender_reference).toBeNull();
  });

  it('names both services off-pathway', () => {
    expect(toReferralCreate(filled({ route: OFF_PATHWAY, to_service_id: TO }))).toMatchObject({ from_service_id: FROM, to_service_id: TO });
  });

  it('gets the API’s messages back on the form’s own fields', () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      errors: [
        { field: 'body.pathway_id', message: 'This pathway is suspended' },
        { field: 'body.sender_reference', message: 'Looks like a name.' },
      ],
    };
    expect(sendFormErrorsFromProblem(problem, false)).toEqual({ route: 'This pathway is suspended', sender_reference: 'Looks like a name.' });
    expect(sendFormErrorsFromProblem({ ...problem, errors: [{ field: 'body.to_service_id', message: 'closed' }] }, true)).toEqual({ to_service_id: 'closed' });
  });
});
