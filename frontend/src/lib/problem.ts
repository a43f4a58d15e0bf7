import type { Problem } from '@/client';

/** An API answer that was not a success, carrying its RFC 9457 problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  /** The Location header, when the API points at a record (a 409 for a duplicate does). */
  readonly location: string | null;

  constructor(status: number, problem: Problem | null, location: string | null = null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.location = location;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/**
 * Field messages keyed by form field name. The API names fields by location
 * (`body.name`, `body.languages.0`); the form knows `name` and `languages`.
 * Only the first message per field is kept, the one a person should fix first.
 */
export function fieldErrorsFromProblem(problem: Problem | null | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    const path = error.field.startsWith('body.') ? error.field.slice('body.'.length) : error.field;
    if (path === 'body' || path === error.field) continue;
    const field = path.split('.')[0];
    if (field && !(field in result)) result[field] = error.message;
  }
  return result;
}

/** What to show above a form: messages for fields it does not have, or the problem's detail. */
export function generalProblemMessage(problem: Problem | null | undefined, fields: readonly string[]): string | null {
  if (!problem) return null;
  const errors = problem.errors ?? [];
  if (errors.length === 0) return problem.detail ?? problem.title;
  const unmatched = errors.filter((error) => {
    const top = error.field.replace(/^body\./, '').split('.')[0] ?? '';
    return !error.field.startsWith('body.') || !fields.includes(top);
  });
  return unmatched.length > 0 ? unmatched.map((error) => error.message).join(' ') : null;
}

interface GeneratedResult<TData> {
  data?: TData;
  error?: unknown;
  response?: Response;
}

export interface WithEtag<TData> {
  data: TData;
  etag: string | null;
}

/** Turns a generated-client result into its data, or throws an ApiError. */
export async function unwrap<TData>(call: Promise<GeneratedResult<TData>>): Promise<TData> {
  return (await unwrapWithEtag(call)).data;
}

/** Same as unwrap, keeping the ETag for a later If-Match. */
export async function unwrapWithEtag<TData>(call: Promise<GeneratedResult<TData>>): Promise<WithEtag<TData>> {
  const result = await call;
  const response = result.response;
  if (!response) throw new ApiError(0, null);
  if (!response.ok || result.error !== undefined) {
    throw new ApiError(response.status, isProblem(result.error) ? result.error : null, response.headers.get('Location'));
  }
  return { data: result.data as TData, etag: response.headers.get('ETag') };
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** The id at the end of an API record's address (`…/pathways/{id}`), or null. */
export function recordIdFrom(location: string | null, collection: string): string | null {
  const match = location?.match(new RegExp(`/${collection}/([0-9a-fA-F-]{36})$`));
  return match?.[1] ?? null;
}

/** The ETag the API gives a record of this version (see core/concurrency.py). */
export function etagOf(version: number): string {
  return `"${version}"`;
}
