import { describe, expect, it } from 'vitest';

import type { PathwayPublic } from '@/client';

import { emptyPathwayForm, formToPathwayCreate, formToPathwayUpdate, pathwayToForm } from './pathway-form';

const A = '49b3ff02-d1c5-4e39-8223-7de41226fc22';
const B = '59b3ff02-d1c5-4e39-8223-7de41226fc22';

describe('pathway form ↔ API', () => {
  it('starts from the service it was opened from, consent required, as a draft', () => {
    expect(emptyPathwayForm(A)).toMatchObject({ from_service_id: A, to_service_id: null, consent_required: true, status: 'draft', needs: [] });
  });

  it('turns the form into the create body: empty text and minutes as null', () => {
    const values = { ...emptyPathwayForm(A, B), needs: ['emergency_shelter' as const], channel: 'phone' as const, mandatory_reporting_note: '  ', review_date: '2027-06-30', expected_response_minutes: 30 as const };
    expect(formToPathwayCreate(values)).toEqual({
      from_service_id: A,
      to_service_id: B,
      needs: ['emergency_shelter'],
      consent_required: true,
      mandatory_reporting_note: null,
      expected_response_minutes: 30,
      channel: 'phone',
      protocol_reference: null,
      status: 'draft',
      agreement_reference: null,
      review_date: '2027-06-30',
    });
    expect(formToPathwayCreate({ ...values, expected_response_minutes: '', review_date: '' })).toMatchObject({ expected_response_minutes: null, review_date: null });
  });

  it('a PATCH carries only what changed, never the two ends', () => {
    const pathway = {
      id: 'p1',
      from_service: { id: A },
      to_service: { id: B },
      needs: ['legal_advice'],
      consent_required: true,
      mandatory_reporting_note: null,
      expected_response_minutes: null,
      channel: 'secure_email',
      protocol_reference: 'P-1',
      status: 'agreed',
      agreement_reference: null,
      review_date: null,
      version: 2,
    } as unknown as PathwayPublic;
    const initial = pathwayToForm(pathway);
    expect(initial.protocol_reference).toBe('P-1');
    expect(formToPathwayUpdate(initial, initial)).toEqual({});
    expect(formToPathwayUpdate({ ...initial, status: 'active', to_service_id: A, protocol_reference: '' }, initial)).toEqual({ status: 'active', protocol_reference: null });
  });
});
