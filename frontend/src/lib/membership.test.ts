import { describe, expect, it } from 'vitest';

import type { MyMembership } from '@/client';

import { permissionsOf } from './membership';

const OWN = '49b3ff02-d1c5-4e39-8223-7de41226fc22';
const OTHER = '59b3ff02-d1c5-4e39-8223-7de41226fc22';
const member = (role: string, partner_ids: string[] = []) => ({ network: 'n', role, partner_ids }) as unknown as MyMembership;

describe('service and pathway permissions (mirroring the API)', () => {
  it('coordinators change every service and pathway', () => {
    const p = permissionsOf(member('coordinator'));
    expect(p.createService).toBe(true);
    expect(p.editServicesOf(OTHER)).toBe(true);
    expect(p.servicePartnerIds).toBeNull();
  });

  it("a partner's editors change their own partner's services and the pathways they send only", () => {
    const p = permissionsOf(member('partner_editor', [OWN]));
    expect(p.createService).toBe(true);
    expect(p.editServicesOf(OWN)).toBe(true);
    expect(p.editServicesOf(OTHER)).toBe(false);
    expect(p.servicePartnerIds).toEqual([OWN]);
  });

  it('viewers, and editors linked to no partner, change nothing', () => {
    for (const p of [permissionsOf(member('viewer')), permissionsOf(member('partner_editor')), permissionsOf(undefined)]) {
      expect(p.createService).toBe(false);
      expect(p.editServicesOf(OWN)).toBe(false);
    }
  });
});

describe('referral permissions (mirroring the API)', () => {
  it('coordinators see every referral and act for no partner', () => {
    const p = permissionsOf(member('coordinator'));
    expect(p.seeReferrals).toBe(true);
    expect(p.referralPartnerIds).toEqual([]);
  });

  it("a partner's editors see and act for their own partners", () => {
    const p = permissionsOf(member('partner_editor', [OWN]));
    expect(p.seeReferrals).toBe(true);
    expect(p.referralPartnerIds).toEqual([OWN]);
  });

  it('viewers see statistics only', () => {
    for (const p of [permissionsOf(member('viewer')), permissionsOf(undefined)]) {
      expect(p.seeReferrals).toBe(false);
      expect(p.referralPartnerIds).toEqual([]);
    }
  });
});
