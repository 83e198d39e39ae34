// Type tests for `fields[]` and `sort[]`; see README.md in this folder.
import type { FieldName, PulseClient } from '../../src/index.js';

declare const pulse: PulseClient;

export async function sortValues(): Promise<void> {
  await pulse.GET('/contacts', {
    params: { query: { 'sort[]': ['lastName:ASC', 'createdAt:desc', 'isTest:DESC'] } },
  });
  await pulse.GET('/forms', { params: { query: { 'sort[]': ['name:asc', 'uuid:DESC'] } } });

  await pulse.GET('/contacts', {
    // @ts-expect-error: `password` is not a contact field.
    params: { query: { 'sort[]': ['password:ASC'] } },
  });
  await pulse.GET('/forms', {
    // @ts-expect-error: `lastName` is a contact field, not a form field.
    params: { query: { 'sort[]': ['lastName:ASC'] } },
  });
  await pulse.GET('/contacts', {
    // @ts-expect-error: a sort value needs a direction.
    params: { query: { 'sort[]': ['lastName'] } },
  });
  await pulse.GET('/contacts', {
    // @ts-expect-error: the direction is ASC or DESC.
    params: { query: { 'sort[]': ['lastName:UP'] } },
  });
  await pulse.GET('/contacts', {
    // @ts-expect-error: arrays such as `emails` cannot be sorted on.
    params: { query: { 'sort[]': ['emails:ASC'] } },
  });
}

export async function requestedFields(): Promise<void> {
  const { data } = await pulse.GET('/contacts', {
    params: { query: { 'fields[]': ['firstName', 'emails'] } },
  });
  const contact = data.items[0];
  const id: number | undefined = contact?.id;
  const firstName: string | undefined = contact?.firstName;
  const address: string | undefined = contact?.emails?.[0]?.emailAddress;
  // @ts-expect-error: `lastName` was not requested in fields[].
  void contact?.lastName;

  const forms = await pulse.GET('/forms', { params: { query: { 'fields[]': ['name'] } } });
  const uuid: string | undefined = forms.data.items[0]?.uuid;
  const name: string | undefined = forms.data.items[0]?.name;

  await pulse.GET('/contacts', {
    // @ts-expect-error: `password` is not a contact field.
    params: { query: { 'fields[]': ['firstName', 'password'] } },
  });

  const all = await pulse.GET('/contacts');
  const lastName: string | undefined = all.data.items[0]?.lastName;
  const totalCount: number = all.data.totalCount;

  void [id, firstName, address, uuid, name, lastName, totalCount];
}

export async function paginatedItems(): Promise<void> {
  const contacts = pulse.paginate('/contacts/search', {
    params: {
      query: { 'groups[]': ['contact_display_email'], simpleSearch: 'a', 'fields[]': ['npi'] },
    },
  });
  for await (const contact of contacts) {
    const id: number = contact.id;
    const npi: string | undefined = contact.npi;
    // @ts-expect-error: `lastName` was not requested in fields[].
    void contact.lastName;
    void [id, npi];
  }

  pulse.paginate('/contacts', {
    // @ts-expect-error: paginate fetches page by page, so it takes no ignorePagination.
    params: { query: { ignorePagination: true } },
  });
  // @ts-expect-error: GET /contacts/{id} returns one contact, not a page.
  pulse.paginate('/contacts/{id}', { params: { path: { id: 1 } } });
}

export async function fieldListsInVariables(): Promise<void> {
  const fields: FieldName<'/contacts'>[] = ['firstName', 'lastName'];
  fields.push('npi');
  const all = await pulse.GET('/contacts', { params: { query: { 'fields[]': fields } } });
  const npi: string | undefined = all.data.items[0]?.npi;

  // A literal list keeps the narrowing of the result.
  const picked = ['firstName'] as const satisfies readonly FieldName<'/contacts'>[];
  const some = await pulse.GET('/contacts', { params: { query: { 'fields[]': picked } } });
  const firstName: string | undefined = some.data.items[0]?.firstName;
  // @ts-expect-error: `lastName` is not in the literal list.
  void some.data.items[0]?.lastName;

  const formFields: FieldName<'/forms'>[] = ['name'];
  for await (const form of pulse.paginate('/forms', {
    params: { query: { 'fields[]': formFields } },
  })) {
    void form.uuid;
  }

  // @ts-expect-error: `password` is not a contact field.
  const wrong: FieldName<'/contacts'>[] = ['password'];
  // @ts-expect-error: `lastName` is a contact field, not a form field.
  const misplaced: FieldName<'/forms'>[] = ['lastName'];
  // @ts-expect-error: GET /contacts/{id} takes no fields[].
  type Single = FieldName<'/contacts/{id}'>;

  void [npi, firstName, wrong, misplaced];
  void (undefined as unknown as Single);
}
