/** The API's stable codes (from the generated client), in the API's order. Labels live in the i18n catalogues. */
import { CapacityStatus, Channel, CommitmentStatus, DeclineReason, FindingKind, GenderEligibility, Need, PostedCapacity, ServiceStatus, ServiceType, DecisionAuthority, GapKind, Level, MembershipRole, PartnerSort, Population, ReferralStatus, Sector, Stage, Urgency } from '@/client';

export const SECTORS = Object.values(Sector);
export const LEVELS = Object.values(Level);
export const STAGES = Object.values(Stage);
export const POPULATIONS = Object.values(Population);
export const DECISION_AUTHORITIES = Object.values(DecisionAuthority);
export const ROLES = Object.values(MembershipRole);
export const COMMITMENT_STATUSES = Object.values(CommitmentStatus);
export const GAP_KINDS = Object.values(GapKind);
export const SERVICE_TYPES = Object.values(ServiceType);
export const SERVICE_STATUSES = Object.values(ServiceStatus);
export const CAPACITY_STATUSES = Object.values(CapacityStatus);
export const POSTED_CAPACITIES = Object.values(PostedCapacity);
export const NEEDS = Object.values(Need);
export const CHANNELS = Object.values(Channel);
export const FINDING_KINDS = Object.values(FindingKind);
export const GENDERS = Object.values(GenderEligibility);
export const PARTNER_SORTS = Object.values(PartnerSort);
export const URGENCIES = Object.values(Urgency);
export const REFERRAL_STATUSES = Object.values(ReferralStatus);
export const DECLINE_REASONS = Object.values(DeclineReason);

export type { CapacityStatus, Channel, DeclineReason, FindingKind, GenderEligibility, Need, ServiceStatus, ServiceType, CommitmentStatus, DecisionAuthority, GapKind, Level, MembershipRole, PartnerSort, Population, ReferralStatus, Sector, Stage, Urgency };
