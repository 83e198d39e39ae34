import {
  PulseAuthenticationError,
  PulseError,
  PulseNotFoundError,
  PulseRateLimitError,
  PulseServerError,
  PulseValidationError,
  type PulseRequestEvent,
  type PulseRequestInit,
} from '@pulse-engagement/client';
import { describe, expect, it } from 'vitest';
import { bundledSpec } from './support/bundled-spec.js';
import { mockPulse } from './support/credentials.js';
import { isStaticMock, notFoundHeaders, notFoundMessage } from './support/mock-mode.js';
import { responseProblems } from './support/spec-validator.js';

const formUuid = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';
const unknownFormUuid = '00000000-0000-4000-8000-00000000dead';
const registration = {
  emailAddress: 'jane.rivera@example.org',
  isSubscribed: true,
  contact: { source: 12, firstName: 'Jane', lastName: 'Rivera', contactType: 'HCP' },
};
// Every example and Prefer choice the mock offers fits in far fewer items than this.
const maxItems = 50;

async function take<T>(items: AsyncIterable<T>, count: number): Promise<T[]> {
  const firstItems: T[] = [];
  for await (const item of items) {
    firstItems.push(item);
    if (firstItems.length >= count) break;
  }
  return firstItems;
}

type Middleware = NonNullable<PulseRequestInit['middleware']>[number];

/** Sends `prefer` as the Prefer header of calls on `schemaPath` only. */
function preferOn(schemaPath: string, prefer: string): Middleware {
  return {
    onRequest: ({ request, schemaPath: path }) => {
      if (path === schemaPath) request.headers.set('Prefer', prefer);
      return request;
    },
  };
}

interface ParameterObject {
  $ref?: string;
  name?: string;
  in?: string;
  required?: boolean;
}

/**
 * Lists the GET operations of the bundled spec that take `page` and `limit` and need no other
 * parameter, so `paginate` can call them without sample values.
 */
function paginatedPaths(): string[] {
  const spec = bundledSpec as {
    paths: Record<
      string,
      { parameters?: ParameterObject[]; get?: { parameters?: ParameterObject[] } }
    >;
    components: { parameters: Record<string, ParameterObject> };
  };
  const resolve = (parameter: ParameterObject): ParameterObject =>
    parameter.$ref === undefined
      ? parameter
      : (spec.components.parameters[parameter.$ref.split('/').pop() ?? ''] ?? {});
  return Object.entries(spec.paths).flatMap(([path, item]) => {
    if (item.get === undefined) return [];
    const parameters = [...(item.parameters ?? []), ...(item.get.parameters ?? [])].map(resolve);
    const names = parameters.map((parameter) => parameter.name);
    const paged = names.includes('page') && names.includes('limit');
    return paged && !parameters.some((parameter) => parameter.required) ? [path] : [];
  });
}

describe('paginate against the mock', () => {
  it.runIf(isStaticMock())('lists every contact on one page', async () => {
    const requests: PulseRequestEvent[] = [];
    const pulse = mockPulse({ hooks: { onRequest: (event) => void requests.push(event) } });

    const contacts = await take(
      pulse.paginate('/contacts', {
        params: { query: { 'fields[]': ['firstName', 'lastName'], 'sort[]': ['lastName:ASC'] } },
      }),
      maxItems,
    );

    expect(contacts.map((contact) => contact.id)).toEqual([2048, 1024]);
    expect(contacts[0]?.lastName).toBe('Chen');
    expect(requests).toHaveLength(1);
  });

  it.runIf(isStaticMock())('sends page and limit that the mock accepts', async () => {
    const requests: PulseRequestEvent[] = [];
    const pulse = mockPulse({ hooks: { onRequest: (event) => void requests.push(event) } });

    // The mock returns the same two-item example for every page, so limit 1 reads two pages.
    const forms = await take(
      pulse.paginate('/forms', { params: { query: { limit: 1 } } }),
      maxItems,
    );

    expect(requests).toHaveLength(2);
    expect(forms).toHaveLength(4);
    expect(forms[0]?.uuid).toBe(formUuid);
  });

  it.runIf(isStaticMock())('finds a contact by email', async () => {
    const pulse = mockPulse();

    const contacts = await take(
      pulse.paginate('/contacts/search', {
        params: {
          query: {
            'groups[]': ['contact_display_email'],
            simpleSearch: registration.emailAddress,
            'fields[]': ['emails'],
          },
        },
      }),
      maxItems,
    );

    expect(contacts.map((contact) => contact.id)).toEqual([1024]);
    expect(contacts[0]?.emails?.map((email) => email.emailAddress)).toContain(
      registration.emailAddress,
    );
  });

  it.each(paginatedPaths())('iterates %s', async (path) => {
    const pulse = mockPulse();
    // The mock answers every page with the same example, whose totalCount can exceed its items.
    // With a larger limit, paginate would take the example for a capped page and reject, so it
    // gets the example's own page size.
    const { data } = await pulse.GET(path as '/contacts');
    const limit = Math.max(1, data.items.length);

    const items = await take(
      pulse.paginate(path as '/contacts', { params: { query: { limit } } }),
      maxItems,
    );

    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(typeof item).toBe('object');
      expect('id' in item || 'uuid' in item).toBe(true);
    }
  });

  it.runIf(isStaticMock())('rejects a short example page at the default limit', async () => {
    // CampaignPage contains 3 items of a totalCount of 7, as a server that caps pages at 3 would.
    const error = await rejectionOf(take(mockPulse().paginate('/campaigns'), maxItems));

    expect(error).toBeInstanceOf(PulseError);
    expect((error as PulseError).message).toContain('returned 3 items for limit 100 on page 1');
    expect((error as PulseError).message).toContain('pass limit: 3');
  });
});

describe('form and contact helpers against the mock', () => {
  it('submitForm returns the outcome', async () => {
    const outcome = await mockPulse().submitForm(formUuid, {
      emailAddress: registration.emailAddress,
      firstName: 'Jane',
      customFields: { attendedWebinar: true },
    });

    expect(responseProblems('submitForm', 200, outcome)).toEqual([]);
    expect(outcome.outcome).toMatch(/^(created|updated)$/);
  });

  it('submitForm rejects an unknown form', async () => {
    const error = await rejectionOf(
      mockPulse().submitForm(
        unknownFormUuid,
        { emailAddress: registration.emailAddress },
        { headers: notFoundHeaders() },
      ),
    );

    expect(error).toBeInstanceOf(PulseNotFoundError);
    expect((error as PulseNotFoundError).path).toBe('/forms/{uuid}/submit');
  });

  it('registerContact updates the match', async () => {
    const result = await mockPulse().registerContact(registration);

    expect(result.outcome).toBe('updated');
    expect(responseProblems('updateContact', 200, result.contact)).toEqual([]);
  });

  it.runIf(isStaticMock())('registerContact creates a new contact', async () => {
    const result = await mockPulse().registerContact(registration, {
      middleware: [preferOn('/contacts/search', 'example=ContactSearchNoMatch')],
    });

    expect(result.outcome).toBe('created');
    expect(responseProblems('createContact', 201, result.contact)).toEqual([]);
  });
});

describe('throwing client against the mock', () => {
  it('resolves with the data of a 2xx', async () => {
    const { data, response } = await mockPulse().GET('/contacts/{id}', {
      params: { path: { id: 1024 } },
    });

    expect(response.status).toBe(200);
    expect(data.id).toBeTypeOf('number');
    expect(responseProblems('getContact', 200, data)).toEqual([]);
  });

  it('resolves a 204 with undefined data', async () => {
    // Deletes a contact of its own, so the stateful mock keeps contact 1024 for other tests.
    const created = await mockPulse().POST('/contacts', { body: { source: 12 } });
    const { data, response } = await mockPulse().DELETE('/contacts/{id}', {
      params: { path: { id: created.data.id } },
    });

    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
  });

  it('rejects a documented 404 with PulseNotFoundError', async () => {
    const error = await rejectionOf(
      mockPulse().GET('/contacts/{id}', {
        params: { path: { id: 999999 } },
        headers: notFoundHeaders(),
      }),
    );

    expect(error).toBeInstanceOf(PulseNotFoundError);
    const notFound = error as PulseNotFoundError;
    expect(notFound.status).toBe(404);
    expect(notFound.method).toBe('GET');
    expect(notFound.path).toBe('/contacts/{id}');
    // The spec's 404 example has an X-Request-Id, and the stateful mock sends none.
    expect(notFound.requestId).toBe(isStaticMock() ? 'req_7f3a9c1e2b' : undefined);
    expect(notFound.apiMessage).toMatch(notFoundMessage(999999));
  });

  it('rejects an invalid sort with field errors', async () => {
    const query = { 'sort[]': ['lastName:UP'] } as unknown as { 'sort[]': ['lastName:ASC'] };

    const error = await rejectionOf(mockPulse().GET('/contacts', { params: { query } }));

    expect(error).toBeInstanceOf(PulseValidationError);
    expect((error as PulseValidationError).status).toBe(422);
    expect(Object.keys((error as PulseValidationError).fieldErrors)).toContain('query.sort[]');
  });

  it('rejects missing credentials with PulseAuthenticationError', async () => {
    const error = await rejectionOf(
      mockPulse().GET('/forms', { headers: { Authorization: null } }),
    );

    expect(error).toBeInstanceOf(PulseAuthenticationError);
    expect((error as PulseAuthenticationError).message).toMatch(/Check apiToken and accountId/);
  });

  it.runIf(isStaticMock())('retries a 500 before rejecting', async () => {
    const requests: PulseRequestEvent[] = [];
    const pulse = mockPulse({ hooks: { onRequest: (event) => void requests.push(event) } });

    const error = await rejectionOf(
      pulse.GET('/forms/{uuid}', {
        params: { path: { uuid: formUuid } },
        headers: { Prefer: 'code=500' },
      }),
    );

    expect(error).toBeInstanceOf(PulseServerError);
    expect(requests.map((event) => event.attempt)).toEqual([1, 2, 3]);
  });

  it.runIf(isStaticMock())('does not wait out a long Retry-After', async () => {
    const started = Date.now();

    const error = await rejectionOf(mockPulse().GET('/forms', { headers: { Prefer: 'code=429' } }));

    expect(error).toBeInstanceOf(PulseRateLimitError);
    expect((error as PulseRateLimitError).retryAfterMs).toBe(30_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to reject, but it resolved.');
}
