import { describe, expect, it } from 'vitest';

import { ApiError, etagOf, fieldErrorsFromProblem, generalProblemMessage, recordIdFrom, unwrap, unwrapWithEtag } from './problem';

const problem = {
  type: 'urn:accord:problem:validation-error',
  title: 'The request is not valid',
  status: 422,
  detail: 'body.website: Input should be a valid URL',
  errors: [
    { field: 'body.website', message: 'Input should be a valid URL' },
    { field: 'body.languages.0', message: 'String should have at least 2 characters' },
    { field: 'body.languages.1', message: 'second message is not shown' },
    { field: 'query.limit', message: 'Input should be less than or equal to 200' },
  ],
};

describe('fieldErrorsFromProblem', () => {
  it('strips the body. prefix and keys messages by the form field', () => {
    expect(fieldErrorsFromProblem(problem)).toEqual({
      website: 'Input should be a valid URL',
      languages: 'String should have at least 2 characters',
    });
  });

  it('ignores problems without field errors', () => {
    expect(fieldErrorsFromProblem({ type: 'x', title: 'Conflict', status: 409 })).toEqual({});
    expect(fieldErrorsFromProblem(null)).toEqual({});
  });
});

describe('generalProblemMessage', () => {
  it('keeps messages for fields the form does not have', () => {
    expect(generalProblemMessage(problem, ['website', 'languages'])).toBe('Input should be less than or equal to 200');
  });

  it('is empty when every message sits next to a field', () => {
    expect(generalProblemMessage({ ...problem, errors: problem.errors.slice(0, 2) }, ['website', 'languages'])).toBeNull();
  });

  it('falls back to the detail, then the title', () => {
    expect(generalProblemMessage({ type: 'x', title: 'Forbidden', status: 403, detail: 'Coordinators only.' }, [])).toBe('Coordinators only.');
    expect(generalProblemMessage({ type: 'x', title: 'Forbidden', status: 403 }, [])).toBe('Forbidden');
  });
});

describe('unwrap', () => {
  it('returns the data and the ETag of a success', async () => {
    const response = new Response('{}', { status: 200, headers: { ETag: '"3"' } });
    await expect(unwrapWithEtag(Promise.resolve({ data: { id: 1 }, response }))).resolves.toEqual({ data: { id: 1 }, etag: '"3"' });
  });

  it('throws an ApiError carrying the status and the problem', async () => {
    const response = new Response('', { status: 412 });
    const error = await unwrap(Promise.resolve({ error: { ...problem, status: 412 }, response })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(412);
    expect((error as ApiError).problem?.title).toBe('The request is not valid');
  });

  it('keeps the Location a 409 points at, and reads the record id from it', async () => {
    const id = '6a70d350-94ba-4f61-8a85-35355edc1f7f';
    const response = new Response('', { status: 409, headers: { Location: `/api/v1/networks/riverside-ccr/pathways/${id}` } });
    const error = (await unwrap(Promise.resolve({ error: { ...problem, status: 409 }, response })).catch((e: unknown) => e)) as ApiError;
    expect(error.location).toBe(`/api/v1/networks/riverside-ccr/pathways/${id}`);
    expect(recordIdFrom(error.location, 'pathways')).toBe(id);
    expect(recordIdFrom(error.location, 'services')).toBeNull();
    expect(recordIdFrom(null, 'pathways')).toBeNull();
  });

  it('treats a network failure as status 0', async () => {
    const error = await unwrap(Promise.resolve({ error: new TypeError('offline') })).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(0);
  });
});

it('builds the ETag the API gives a version', () => {
  expect(etagOf(7)).toBe('"7"');
});
