import type { PostedCapacity } from '@/client';

export type CapacityProblem = { key: 'acceptingWithoutBeds' } | { key: 'fullWithBeds'; free: number } | { key: 'freeAboveTotal'; free: number; total: number };

/**
 * Why a capacity post contradicts itself, as the user types — the same rules the API
 * enforces (it refuses with the reason on `beds_free`): accepting with no bed free, full
 * with beds free, more beds free than beds in all.
 */
export function capacityProblem(status: PostedCapacity | null, bedsFree: number | null, bedsTotal: number | null): CapacityProblem | null {
  if (status === 'accepting' && bedsFree === 0) return { key: 'acceptingWithoutBeds' };
  if (status === 'full' && bedsFree !== null && bedsFree > 0) return { key: 'fullWithBeds', free: bedsFree };
  if (bedsFree !== null && bedsTotal !== null && bedsFree > bedsTotal) return { key: 'freeAboveTotal', free: bedsFree, total: bedsTotal };
  return null;
}
