import { describe, expect, it } from 'vitest';
import { mockClient } from './support/credentials.js';
import { expectConforms } from './support/expect-conforms.js';
import { notFoundHeaders, notFoundMessage } from './support/mock-mode.js';

const pulse = mockClient();
const unknownId = 999999;
const unknownUuid = '00000000-0000-4000-8000-00000000dead';
const notFound = notFoundHeaders();

describe('unknown ids', () => {
  it('getContact returns 404', async () => {
    const result = await pulse.GET('/contacts/{id}', {
      params: { path: { id: unknownId } },
      headers: notFound,
    });

    const error = expectConforms('getContact', 404, result);
    expect((error as { message: string }).message).toMatch(notFoundMessage(unknownId));
  });

  it('updateContact returns 404', async () => {
    const result = await pulse.PUT('/contacts/{id}', {
      params: { path: { id: unknownId } },
      body: { firstName: 'Jane' },
      headers: notFound,
    });

    expectConforms('updateContact', 404, result);
  });

  it('deleteContact returns 404', async () => {
    const result = await pulse.DELETE('/contacts/{id}', {
      params: { path: { id: unknownId } },
      headers: notFound,
    });

    expectConforms('deleteContact', 404, result);
  });

  it('getForm returns 404', async () => {
    const result = await pulse.GET('/forms/{uuid}', {
      params: { path: { uuid: unknownUuid } },
      headers: notFound,
    });

    expectConforms('getForm', 404, result);
  });

  it('submitForm returns 404', async () => {
    const result = await pulse.POST('/forms/{uuid}/submit', {
      params: { path: { uuid: unknownUuid } },
      body: { emailAddress: 'jane.rivera@example.org' },
      headers: notFound,
    });

    expectConforms('submitForm', 404, result);
  });

  it('rejects a path id that is not an integer', async () => {
    const result = await pulse.GET('/contacts/{id}', {
      params: { path: { id: 'abc' as unknown as number } },
    });

    expect(result.response.status).toBe(422);
  });
});
