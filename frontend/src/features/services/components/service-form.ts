import type { GenderEligibility, OpeningHours, Population, ServiceCreate, ServicePublic, ServiceStatus, ServiceType, ServiceUpdate } from '@/client';

export type Weekday = OpeningHours['day'];
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface OpeningSlot {
  day: Weekday;
  opens: string;
  closes: string;
}

/** What the service form edits; numbers a person has not typed are '' (Mantine's NumberInput). */
export interface ServiceFormValues {
  partner_id: string | null;
  type: ServiceType | null;
  name: string;
  description: string;
  status: ServiceStatus;
  entry_point: boolean;
  populations: Population[];
  age_min: number | '';
  age_max: number | '';
  genders: GenderEligibility[];
  languages: string[];
  areas: string[];
  open_24_7: boolean;
  opening_hours: OpeningSlot[];
  wheelchair_access: boolean;
  sign_language: boolean;
  interpreters: boolean;
  free_of_charge: boolean;
  female_staff: boolean;
  front_door_phone: string;
  front_door_email: string;
}

/** The fields the form shows, by their API name (problem details name them `body.<field>`). */
export const SERVICE_FORM_FIELDS = [
  'partner_id',
  'type',
  'name',
  'description',
  'status',
  'entry_point',
  'populations',
  'age_min',
  'age_max',
  'genders',
  'languages',
  'areas',
  'open_24_7',
  'opening_hours',
  'wheelchair_access',
  'sign_language',
  'interpreters',
  'free_of_charge',
  'female_staff',
  'front_door_phone',
  'front_door_email',
] as const;

export const EMPTY_SERVICE_FORM: ServiceFormValues = {
  partner_id: null,
  type: null,
  name: '',
  description: '',
  status: 'active',
  entry_point: false,
  populations: [],
  age_min: '',
  age_max: '',
  genders: [],
  languages: [],
  areas: [],
  open_24_7: false,
  opening_hours: [],
  wheelchair_access: false,
  sign_language: false,
  interpreters: false,
  free_of_charge: true,
  female_staff: false,
  front_door_phone: '',
  front_door_email: '',
};

export const HOUR = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
export const PHONE = /^\+?[0-9 ()./-]{3,50}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function serviceToForm(service: ServicePublic): ServiceFormValues {
  return {
    partner_id: service.partner_id,
    type: service.type,
    name: service.name,
    description: service.description ?? '',
    status: service.status,
    entry_point: service.entry_point,
    populations: service.populations,
    age_min: service.age_min ?? '',
    age_max: service.age_max ?? '',
    genders: service.genders,
    languages: service.languages,
    areas: service.areas,
    open_24_7: service.open_24_7,
    opening_hours: service.opening_hours.map((slot) => ({ day: slot.day, opens: slot.opens, closes: slot.closes })),
    wheelchair_access: service.wheelchair_access,
    sign_language: service.sign_language,
    interpreters: service.interpreters,
    free_of_charge: service.free_of_charge,
    female_staff: service.female_staff,
    front_door_phone: service.front_door_phone ?? '',
    front_door_email: service.front_door_email ?? '',
  };
}

const orNull = (value: string) => value.trim() || null;
const ageOrNull = (value: number | '') => (value === '' ? null : value);

export function formToServiceCreate(values: ServiceFormValues): ServiceCreate {
  return {
    partner_id: values.partner_id as string,
    type: values.type as ServiceType,
    name: values.name.trim(),
    description: orNull(values.description),
    status: values.status,
    entry_point: values.entry_point,
    populations: values.populations,
    age_min: ageOrNull(values.age_min),
    age_max: ageOrNull(values.age_max),
    genders: values.genders,
    languages: values.languages,
    areas: values.areas,
    open_24_7: values.open_24_7,
    // Open round the clock needs no weekly hours; the hours typed stay in the form if the box is unticked again.
    opening_hours: values.open_24_7 ? [] : values.opening_hours.map((slot) => ({ day: slot.day, opens: slot.opens, closes: slot.closes })),
    wheelchair_access: values.wheelchair_access,
    sign_language: values.sign_language,
    interpreters: values.interpreters,
    free_of_charge: values.free_of_charge,
    female_staff: values.female_staff,
    front_door_phone: orNull(values.front_door_phone),
    front_door_email: orNull(values.front_door_email),
  };
}

/** Only the fields that changed; the partner of a service is fixed once it exists. */
export function formToServiceUpdate(values: ServiceFormValues, initial: ServiceFormValues): ServiceUpdate {
  const next = formToServiceCreate(values);
  const before = formToServiceCreate(initial);
  const update: ServiceUpdate = {};
  for (const key of Object.keys(next) as (keyof ServiceCreate)[]) {
    if (key === 'partner_id') continue;
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) {
      (update as Record<string, unknown>)[key] = next[key];
    }
  }
  return update;
}

/**
 * Field errors the API may name deeper than the form shows (`body.opening_hours.2.opens`):
 * the form shows them at the top-level field, which is what fieldErrorsFromProblem does.
 * This checks the simple rules as the user types.
 */
export function openingHoursError(slots: OpeningSlot[]): 'hour' | 'duplicate' | null {
  if (slots.some((slot) => !HOUR.test(slot.opens) || !HOUR.test(slot.closes))) return 'hour';
  const keys = slots.map((slot) => `${slot.day}-${slot.opens}`);
  if (new Set(keys).size !== keys.length) return 'duplicate';
  return null;
}
