import type { PartnerCreate, PartnerPublic, PartnerUpdate } from '@/client';
import type { Level, Population, Sector, Stage } from '@/lib/vocabulary';

export interface PartnerFormValues {
  name: string;
  acronym: string;
  description: string;
  website: string;
  sector: Sector | null;
  level: Level;
  stage: Stage;
  populations: Population[];
  languages: string[];
  areas: string[];
  tags: string[];
}

export const PARTNER_FORM_FIELDS = [
  'name',
  'acronym',
  'description',
  'website',
  'sector',
  'level',
  'stage',
  'populations',
  'languages',
  'areas',
  'tags',
] as const;

export const EMPTY_PARTNER_FORM: PartnerFormValues = {
  name: '',
  acronym: '',
  description: '',
  website: '',
  sector: null,
  level: 'local',
  stage: 'identified',
  populations: [],
  languages: [],
  areas: [],
  tags: [],
};

export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$/;

export function partnerToForm(partner: PartnerPublic): PartnerFormValues {
  return {
    name: partner.name,
    acronym: partner.acronym ?? '',
    description: partner.description ?? '',
    website: partner.website ?? '',
    sector: partner.sector,
    level: partner.level,
    stage: partner.stage,
    populations: partner.populations,
    languages: partner.languages,
    areas: partner.areas,
    tags: partner.tags,
  };
}

const orNull = (value: string) => value.trim() || null;

export function formToPartnerCreate(values: PartnerFormValues): PartnerCreate {
  return {
    name: values.name.trim(),
    acronym: orNull(values.acronym),
    description: orNull(values.description),
    website: orNull(values.website),
    sector: values.sector as Sector,
    level: values.level,
    stage: values.stage,
    populations: values.populations,
    languages: values.languages,
    areas: values.areas,
    tags: values.tags,
  };
}

/** Only the fields that changed: a PATCH never rewrites what the user did not touch. */
export function formToPartnerUpdate(values: PartnerFormValues, initial: PartnerFormValues): PartnerUpdate {
  const next = formToPartnerCreate(values);
  const before = formToPartnerCreate(initial);
  const update: PartnerUpdate = {};
  for (const key of Object.keys(next) as (keyof PartnerCreate)[]) {
    if (key === 'stage') continue; // moved through POST …/stage, never here
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) {
      (update as Record<string, unknown>)[key] = next[key];
    }
  }
  return update;
}
