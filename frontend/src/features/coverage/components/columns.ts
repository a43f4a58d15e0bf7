import type { CoveragePartner, Sector } from '@/client';

export interface ColumnGroup {
  sector: Sector;
  partners: CoveragePartner[];
}

/** The matrix's columns as they come (the API groups them by sector), cut into runs of one
 * sector each: the header row above the partners' names. */
export function columnGroups(partners: CoveragePartner[]): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  for (const partner of partners) {
    const last = groups.at(-1);
    if (last && last.sector === partner.sector) last.partners.push(partner);
    else groups.push({ sector: partner.sector, partners: [partner] });
  }
  return groups;
}
