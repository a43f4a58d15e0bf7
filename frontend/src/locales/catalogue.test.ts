import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { GAP_SECTIONS } from '@/features/coverage/components/gapSections';
import { CAPACITY_STATUSES, CHANNELS, COMMITMENT_STATUSES, DECISION_AUTHORITIES, DECLINE_REASONS, FINDING_KINDS, GAP_KINDS, GENDERS, LEVELS, NEEDS, SERVICE_STATUSES, SERVICE_TYPES, PARTNER_SORTS, POPULATIONS, REFERRAL_STATUSES, ROLES, SECTORS, STAGES, URGENCIES } from '@/lib/vocabulary';

import en from './en/translation.json';
import es from './es/translation.json';
import fr from './fr/translation.json';

type Catalogue = { [key: string]: string | Catalogue };
const catalogues: Record<string, Catalogue> = { en, fr, es };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') result.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) result.set(k, v);
  }
  return result;
}

const keys = Object.fromEntries(Object.entries(catalogues).map(([lang, c]) => [lang, flatten(c)]));
const baseKeys = (lang: string) => new Set([...keys[lang]!.keys()].map((key) => key.replace(PLURAL, '')));

describe('i18n catalogues', () => {
  it.each(['fr', 'es'])('%s has exactly the keys of en', (lang) => {
    expect([...baseKeys(lang)].sort()).toEqual([...baseKeys('en')].sort());
  });

  it.each(['en', 'fr', 'es'])('%s has every plural form its language needs, and no empty text', (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const plurals = new Set([...keys[lang]!.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
    for (const base of plurals) for (const category of categories) expect(keys[lang]!.has(`${base}_${category}`), `${lang} ${base}_${category}`).toBe(true);
    for (const [key, text] of keys[lang]!) expect(text.trim(), `${lang} ${key}`).not.toBe('');
  });

  it.each(['en', 'fr', 'es'])('%s labels every code of the API vocabulary', (lang) => {
    const groups: [string, readonly string[]][] = [
      ['sector', SECTORS],
      ['stage', STAGES],
      ['level', LEVELS],
      ['population', POPULATIONS],
      ['decisionAuthority', DECISION_AUTHORITIES],
      ['role', ROLES],
      ['partners.sort', PARTNER_SORTS],
      ['commitmentStatus', [...COMMITMENT_STATUSES, 'nobody']],
      ['gapKind', GAP_KINDS],
      ['coverage.gaps.hint', GAP_SECTIONS],
      ['coverage.gaps.section', GAP_SECTIONS.slice(0, 3)],
      ['serviceType', SERVICE_TYPES],
      ['serviceStatus', SERVICE_STATUSES],
      ['capacity', CAPACITY_STATUSES],
      ['need', NEEDS],
      ['channel', CHANNELS],
      ['findingKind', FINDING_KINDS],
      ['gender', GENDERS],
      ['weekday', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']],
      ['referralStatus', REFERRAL_STATUSES],
      ['urgency', URGENCIES],
      ['declineReason', DECLINE_REASONS],
      ['referral.step', REFERRAL_STATUSES],
      ['referralForm.urgencyHint', URGENCIES],
      ['referrals.caption', ['received', 'sent', 'all']],
      ['referrals.direction', ['received', 'sent', 'all']],
      ['referralActions.hint', ['sent', 'received', 'accepted', 'sender']],
      ['referralActions.done', ['receive', 'accept', 'decline', 'complete', 'revoke', 'onward']],
      ['referralActions', ['receive', 'accept', 'decline', 'complete', 'revoke']],
    ];
    for (const [prefix, codes] of groups) for (const code of codes) expect(keys[lang]!.has(`${prefix}.${code}`), `${lang} ${prefix}.${code}`).toBe(true);
  });

  it.each(['en', 'fr', 'es'])('%s prints every number it interpolates in its own digits', (lang) => {
    // {{count}} would print 1234 where a French reader expects 1 234: a number goes
    // through i18next's number formatter ({{count, number}}), never raw.
    const raw = [...keys[lang]!].filter(([, text]) => /\{\{\s*(count|total|free|page|max|hours|n|shown|services|pathways)\s*\}\}/.test(text));
    expect(raw.map(([key]) => key)).toEqual([]);
  });

  it('every t("key") written in the source exists in en', () => {
    const root = join(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== 'client') walk(path);
        } else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.test.tsx')) files.push(path);
      }
    };
    walk(root);
    const used = new Set<string>();
    for (const file of files) for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) used.add(match[1]!);
    const known = baseKeys('en');
    const missing = [...used].filter((key) => !known.has(key));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });
});
