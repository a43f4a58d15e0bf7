/** The API's stable codes (from the generated client), in the API's order. Labels live in the i18n catalogues. */
import { DecisionAuthority, Level, MembershipRole, PartnerSort, Population, Sector, Stage } from '@/client';

export const SECTORS = Object.values(Sector);
export const LEVELS = Object.values(Level);
export const STAGES = Object.values(Stage);
export const POPULATIONS = Object.values(Population);
export const DECISION_AUTHORITIES = Object.values(DecisionAuthority);
export const ROLES = Object.values(MembershipRole);
export const PARTNER_SORTS = Object.values(PartnerSort);

export type { DecisionAuthority, Level, MembershipRole, PartnerSort, Population, Sector, Stage };
