import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import {
  commitmentsCreateCommitment,
  commitmentsDeleteCommitment,
  commitmentsGetCommitment,
  commitmentsListCommitments,
  commitmentsUpdateCommitment,
  coverageCoverageCsv,
  coverageCoverageGaps,
  coverageCoverageMatrix,
  rolesCreateRole,
  rolesGetRole,
  rolesListRoles,
  rolesUpdateRole,
  type CommitmentCreate,
  type CommitmentPublic,
  type CommitmentUpdate,
  type RoleCreate,
  type RolePublic,
  type RoleUpdate,
  type Sector,
} from '@/client';
import { useApiLanguage } from '@/lib/i18n';
import { etagOf, unwrap, unwrapWithEtag } from '@/lib/problem';

import { toCoverageQuery, type CoverageSearch } from './search';

export const coverageKeys = {
  all: (network: string) => ['networks', network, 'coverage'] as const,
  matrix: (network: string, search: CoverageSearch, lang: string) => [...coverageKeys.all(network), 'matrix', search, lang] as const,
  gaps: (network: string, search: CoverageSearch, lang: string) => [...coverageKeys.all(network), 'gaps', search, lang] as const,
  roles: (network: string) => [...coverageKeys.all(network), 'roles'] as const,
  roleList: (network: string, lang: string, sector: Sector[], includeRetired: boolean) =>
    [...coverageKeys.roles(network), 'list', lang, sector, includeRetired] as const,
  role: (network: string, roleId: string, lang: string) => [...coverageKeys.roles(network), 'detail', roleId, lang] as const,
  commitments: (network: string) => [...coverageKeys.all(network), 'commitments'] as const,
  partnerCommitments: (network: string, partnerId: string) => [...coverageKeys.commitments(network), 'partner', partnerId] as const,
  commitment: (network: string, id: string) => [...coverageKeys.commitments(network), 'detail', id] as const,
};

export { useApiLanguage };

export function useCoverageMatrix(network: string, search: CoverageSearch) {
  const lang = useApiLanguage();
  return useQuery({
    queryKey: coverageKeys.matrix(network, search, lang),
    queryFn: ({ signal }) => unwrap(coverageCoverageMatrix({ path: { network }, query: { ...toCoverageQuery(search), lang }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCoverageGaps(network: string, search: CoverageSearch) {
  const lang = useApiLanguage();
  return useQuery({
    queryKey: coverageKeys.gaps(network, search, lang),
    queryFn: ({ signal }) => unwrap(coverageCoverageGaps({ path: { network }, query: { ...toCoverageQuery(search), lang }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Every role (all pages): the catalogue is a few hundred at most. */
export function useRoles(network: string, { sector = [], includeRetired = false }: { sector?: Sector[]; includeRetired?: boolean } = {}) {
  const lang = useApiLanguage();
  return useQuery({
    queryKey: coverageKeys.roleList(network, lang, sector, includeRetired),
    queryFn: async ({ signal }) => {
      const items: RolePublic[] = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < 20; page += 1) {
        const result = await unwrap(
          rolesListRoles({
            path: { network },
            query: { lang, sector: sector.length ? sector : undefined, include_retired: includeRetired, limit: 200, cursor },
            signal,
          }),
        );
        items.push(...result.items);
        cursor = result.next_cursor;
        if (!cursor) break;
      }
      return items;
    },
    placeholderData: keepPreviousData,
  });
}

/** One role's wording in one language (for editing it). */
export function useRoleIn(network: string, roleId: string, lang: string) {
  return useQuery({
    queryKey: coverageKeys.role(network, roleId, lang),
    queryFn: ({ signal }) => unwrapWithEtag(rolesGetRole({ path: { network, role_id: roleId }, query: { lang }, signal })),
  });
}

export function usePartnerCommitments(network: string, partnerId: string) {
  return useQuery({
    queryKey: coverageKeys.partnerCommitments(network, partnerId),
    queryFn: ({ signal }) =>
      unwrap(commitmentsListCommitments({ path: { network }, query: { partner_id: partnerId, limit: 200 }, signal })),
  });
}

export function useCommitment(network: string, commitmentId: string | null) {
  return useQuery({
    queryKey: coverageKeys.commitment(network, commitmentId ?? ''),
    queryFn: ({ signal }) => unwrap(commitmentsGetCommitment({ path: { network, commitment_id: commitmentId ?? '' }, signal })),
    enabled: commitmentId !== null,
  });
}

/** A commitment changes the matrix, the gaps and the partner's card: all are refetched. */
function useInvalidateCoverage(network: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: coverageKeys.all(network) });
}

export type CommitmentSave =
  | { kind: 'create'; body: CommitmentCreate; idempotencyKey: string }
  | { kind: 'update'; commitment: CommitmentPublic; body: CommitmentUpdate };

export function useSaveCommitment(network: string) {
  const invalidate = useInvalidateCoverage(network);
  return useMutation({
    mutationFn: (input: CommitmentSave) =>
      input.kind === 'create'
        ? unwrap(
            commitmentsCreateCommitment({ path: { network }, body: input.body, headers: { 'Idempotency-Key': input.idempotencyKey } }),
          )
        : unwrap(
            commitmentsUpdateCommitment({
              path: { network, commitment_id: input.commitment.id },
              body: input.body,
              headers: { 'If-Match': etagOf(input.commitment.version) },
            }),
          ),
    onSettled: invalidate,
  });
}

export function useDeleteCommitment(network: string) {
  const invalidate = useInvalidateCoverage(network);
  return useMutation({
    mutationFn: (commitment: CommitmentPublic) =>
      unwrap(
        commitmentsDeleteCommitment({
          path: { network, commitment_id: commitment.id },
          headers: { 'If-Match': etagOf(commitment.version) },
        }),
      ),
    onSettled: invalidate,
  });
}

export function useCreateRole(network: string) {
  const invalidate = useInvalidateCoverage(network);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RoleCreate; idempotencyKey: string }) =>
      unwrap(rolesCreateRole({ path: { network }, body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSettled: invalidate,
  });
}

export function useUpdateRole(network: string) {
  const invalidate = useInvalidateCoverage(network);
  return useMutation({
    mutationFn: ({ roleId, version, body, lang }: { roleId: string; version: number; body: RoleUpdate; lang?: string }) =>
      unwrap(
        rolesUpdateRole({ path: { network, role_id: roleId }, query: { lang }, body, headers: { 'If-Match': etagOf(version) } }),
      ),
    onSettled: invalidate,
  });
}

/**
 * The CSV needs the bearer token, so it is fetched through the client and saved from a
 * Blob URL (a plain link would go without the token).
 */
export async function downloadCoverageCsv(network: string, search: CoverageSearch, lang: string): Promise<void> {
  const result = await coverageCoverageCsv({ path: { network }, query: { ...toCoverageQuery(search), lang }, parseAs: 'blob' });
  const data: unknown = result.data;
  if (!result.response?.ok || !(data instanceof Blob)) throw new Error(`HTTP ${result.response?.status ?? 0}`);
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = `coverage${search.as_of ? `-${search.as_of}` : ''}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
