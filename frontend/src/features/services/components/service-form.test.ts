import { describe, expect, it } from 'vitest';

import type { ServicePublic } from '@/client';

import { locationBody } from './LocationsPanel';
import { EMPTY_SERVICE_FORM, formToServiceCreate, formToServiceUpdate, openingHoursError, serviceToForm, type ServiceFormValues } from './service-form';

const PARTNER = '49b3ff02-d1c5-4e39-8223-7de41226fc22';

const service = {
  id: 'b1',
  partner_id: PARTNER,
  partner_name: 'Luna',
  partner_sector: 'specialist_ngo',
  type: 'shelter',
  name: 'Refugio Luna',
  description: null,
  status: 'active',
  entry_point: false,
  populations: ['migrant'],
  age_min: 18,
  age_max: null,
  genders: ['women'],
  languages: ['es', 'en'],
  areas: ['old-town'],
  open_24_7: false,
  opening_hours: [{ day: 'mon', opens: '09:00', closes: '17:00' }],
  wheelchair_access: true,
  sign_language: false,
  interpreters: false,
  free_of_charge: true,
  female_staff: true,
  front_door_phone: '+1 555 0150',
  front_door_email: null,
  locations: [],
  has_confidential_location: false,
  capacity: {},
  version: 3,
  created_at: '',
  updated_at: '',
} as unknown as ServicePublic;

describe('service form ↔ API', () => {
  it('turns a filled form into the create body: trimmed text, empty as null, no number typed as null', () => {
    const values: ServiceFormValues = {
      ...EMPTY_SERVICE_FORM,
      partner_id: PARTNER,
      type: 'hotline',
      name: '  Night line ',
      description: '   ',
      age_min: 16,
      front_door_email: ' line@example.org ',
      opening_hours: [{ day: 'sat', opens: '20:00', closes: '02:00' }],
    };
    expect(formToServiceCreate(values)).toMatchObject({
      partner_id: PARTNER,
      type: 'hotline',
      name: 'Night line',
      description: null,
      status: 'active',
      age_min: 16,
      age_max: null,
      front_door_phone: null,
      front_door_email: 'line@example.org',
      opening_hours: [{ day: 'sat', opens: '20:00', closes: '02:00' }],
    });
  });

  it('sends no weekly hours for a service open 24/7, and keeps them in the form', () => {
    const values = { ...serviceToForm(service), open_24_7: true };
    expect(formToServiceCreate(values).opening_hours).toEqual([]);
    expect(values.opening_hours).toHaveLength(1);
  });

  it('round-trips a service, and a PATCH carries only what changed (never the partner)', () => {
    const initial = serviceToForm(service);
    expect(initial.description).toBe('');
    expect(initial.age_max).toBe('');
    expect(formToServiceUpdate(initial, initial)).toEqual({});
    const changed = { ...initial, name: 'Refugio Luna (women)', age_max: 64 as const, partner_id: 'other', areas: ['old-town', 'north'] };
    expect(formToServiceUpdate(changed, initial)).toEqual({ name: 'Refugio Luna (women)', age_max: 64, areas: ['old-town', 'north'] });
  });

  it('checks opening hours as typed', () => {
    expect(openingHoursError([{ day: 'mon', opens: '09:00', closes: '17:00' }])).toBeNull();
    expect(openingHoursError([{ day: 'mon', opens: '9', closes: '17:00' }])).toBe('hour');
    expect(openingHoursError([{ day: 'mon', opens: '24:00', closes: '17:00' }])).toBe('hour');
    expect(
      openingHoursError([
        { day: 'mon', opens: '09:00', closes: '12:00' },
        { day: 'mon', opens: '09:00', closes: '17:00' },
      ]),
    ).toBe('duplicate');
  });

  it('a location keeps its confidential flag and sends empty address and area as null', () => {
    expect(locationBody({ name: ' Refuge ', address: ' ', area: '', confidential: true })).toEqual({ name: 'Refuge', address: null, area: null, confidential: true });
  });
});
