// Source files of a consumer project that calls thirty operations of the API, written twice:
// once with createPulseClient, once with `fetch` and interfaces written by hand, as a project
// without the client would. Both make the same calls with the same bodies and read the same
// fields of each result, so the difference in `tsc` cost is what the client's types cost.

/** The thirty operations, each as a call through the client and as the same call with `fetch`. */
export const operations = [
  {
    id: 'getAccount',
    client: `const { data } = await pulse.GET('/account');
    use(data.name, data.allowedTactics[0]);`,
    fetch: `const data = await send<Account>('GET', '/account');
    use(data.name, data.allowedTactics[0]);`,
  },
  {
    id: 'listContacts',
    client: `const { data } = await pulse.GET('/contacts', {
      params: { query: { 'fields[]': ['firstName', 'lastName', 'npi'], 'sort[]': ['lastName:ASC'], limit: 50 } },
    });
    use(data.items[0]?.lastName, data.totalCount);`,
    fetch: `const data = await send<List<Contact>>(
      'GET',
      '/contacts?fields[]=firstName&fields[]=lastName&fields[]=npi&sort[]=lastName:ASC&limit=50',
    );
    use(data.items[0]?.lastName, data.totalCount);`,
  },
  {
    id: 'searchContacts',
    client: `const { data } = await pulse.GET('/contacts/search', {
      params: { query: { 'groups[]': ['contact_display_email'], simpleSearch: email } },
    });
    use(data.items[0]?.id);`,
    fetch: `const data = await send<List<Contact>>(
      'GET',
      '/contacts/search?groups[]=contact_display_email&simpleSearch=' + encodeURIComponent(email),
    );
    use(data.items[0]?.id);`,
  },
  {
    id: 'getContact',
    client: `const { data } = await pulse.GET('/contacts/{id}', { params: { path: { id: contactId } } });
    use(data.emails?.[0]?.emailAddress, data.customFields);`,
    fetch: `const data = await send<Contact>('GET', \`/contacts/\${contactId}\`);
    use(data.emails?.[0]?.emailAddress, data.customFields);`,
  },
  {
    id: 'createContact',
    client: `const { data } = await pulse.POST('/contacts', {
      body: { source: 12, firstName: 'Jane', lastName: 'Rivera', emails: [{ emailAddress: email, isSubscribed: true }] },
    });
    use(data.id, data.createdAt);`,
    fetch: `const data = await send<Contact>('POST', '/contacts', {
      source: 12, firstName: 'Jane', lastName: 'Rivera', emails: [{ emailAddress: email, isSubscribed: true }],
    } satisfies ContactCreate);
    use(data.id, data.createdAt);`,
  },
  {
    id: 'updateContact',
    client: `const { data } = await pulse.PUT('/contacts/{id}', {
      params: { path: { id: contactId } },
      body: { specialty: 'Oncology', customFields: { patientsPerWeek: 85 } },
    });
    use(data.specialty);`,
    fetch: `const data = await send<Contact>('PUT', \`/contacts/\${contactId}\`, {
      specialty: 'Oncology', customFields: { patientsPerWeek: 85 },
    } satisfies ContactInput);
    use(data.specialty);`,
  },
  {
    id: 'deleteContact',
    client: `await pulse.DELETE('/contacts/{id}', { params: { path: { id: contactId } } });`,
    fetch: `await send<void>('DELETE', \`/contacts/\${contactId}\`);`,
  },
  {
    id: 'listContactEmails',
    client: `const { data } = await pulse.GET('/contacts/{contactId}/emails', {
      params: { path: { contactId } },
    });
    use(data.items[0]?.emailAddress);`,
    fetch: `const data = await send<List<ContactEmail>>('GET', \`/contacts/\${contactId}/emails\`);
    use(data.items[0]?.emailAddress);`,
  },
  {
    id: 'addContactEmail',
    client: `const { data } = await pulse.POST('/contacts/{contactId}/emails', {
      params: { path: { contactId } },
      body: { emailAddress: email, isDefault: true },
    });
    use(data.id);`,
    fetch: `const data = await send<ContactEmail>('POST', \`/contacts/\${contactId}/emails\`, {
      emailAddress: email, isDefault: true,
    } satisfies ContactEmailInput);
    use(data.id);`,
  },
  {
    id: 'updateContactEmail',
    client: `const { data } = await pulse.PUT('/contacts/{contactId}/emails/{id}', {
      params: { path: { contactId, id: 5001 } },
      body: { isSubscribed: false },
    });
    use(data.isSubscribed);`,
    fetch: `const data = await send<ContactEmail>('PUT', \`/contacts/\${contactId}/emails/5001\`, {
      isSubscribed: false,
    } satisfies Partial<ContactEmailInput>);
    use(data.isSubscribed);`,
  },
  {
    id: 'removeContactEmail',
    client: `await pulse.DELETE('/contacts/{contactId}/emails/{id}', { params: { path: { contactId, id: 5001 } } });`,
    fetch: `await send<void>('DELETE', \`/contacts/\${contactId}/emails/5001\`);`,
  },
  {
    id: 'addContactLocation',
    client: `const { data } = await pulse.POST('/contacts/{contactId}/locations', {
      params: { path: { contactId } },
      body: { addressLine1: '200 Lakeshore Dr', city: 'Chicago', state: 'IL', postalCode: '60611' },
    });
    use(data.id, data.country);`,
    fetch: `const data = await send<ContactLocation>('POST', \`/contacts/\${contactId}/locations\`, {
      addressLine1: '200 Lakeshore Dr', city: 'Chicago', state: 'IL', postalCode: '60611',
    } satisfies ContactLocationInput);
    use(data.id, data.country);`,
  },
  {
    id: 'addContactPhone',
    client: `const { data } = await pulse.POST('/contacts/{contactId}/phones', {
      params: { path: { contactId } },
      body: { phone: '3125550148', isSmsSubscribed: false },
    });
    use(data.phone);`,
    fetch: `const data = await send<ContactPhone>('POST', \`/contacts/\${contactId}/phones\`, {
      phone: '3125550148', isSmsSubscribed: false,
    } satisfies ContactPhoneInput);
    use(data.phone);`,
  },
  {
    id: 'listCampaigns',
    client: `const { data } = await pulse.GET('/campaigns', {
      params: { query: { isArchived: false, 'sort[]': ['startDate:DESC'] } },
    });
    use(data.items[0]?.name);`,
    fetch: `const data = await send<List<Campaign>>('GET', '/campaigns?isArchived=false&sort[]=startDate:DESC');
    use(data.items[0]?.name);`,
  },
  {
    id: 'createCampaign',
    client: `const { data } = await pulse.POST('/campaigns', {
      body: { name: 'Spring webinar', type: 'simple', startDate: '2026-04-01' },
    });
    use(data.id);`,
    fetch: `const data = await send<Campaign>('POST', '/campaigns', {
      name: 'Spring webinar', type: 'simple', startDate: '2026-04-01',
    } satisfies CampaignInput);
    use(data.id);`,
  },
  {
    id: 'updateCampaign',
    client: `const { data } = await pulse.PUT('/campaigns/{id}', {
      params: { path: { id: 7 } },
      body: { name: 'Spring webinar, second run' },
    });
    use(data.updatedAt);`,
    fetch: `const data = await send<Campaign>('PUT', '/campaigns/7', {
      name: 'Spring webinar, second run',
    } satisfies Partial<CampaignInput>);
    use(data.updatedAt);`,
  },
  {
    id: 'archiveCampaign',
    client: `const { data } = await pulse.POST('/campaigns/{id}/archive', { params: { path: { id: 7 } } });
    use(data.isArchived);`,
    fetch: `const data = await send<Campaign>('POST', '/campaigns/7/archive');
    use(data.isArchived);`,
  },
  {
    id: 'listSegments',
    client: `const { data } = await pulse.GET('/segments', { params: { query: { isArchived: false } } });
    use(data.items[0]?.contactCount);`,
    fetch: `const data = await send<List<Segment>>('GET', '/segments?isArchived=false');
    use(data.items[0]?.contactCount);`,
  },
  {
    id: 'createSegment',
    client: `const { data } = await pulse.POST('/segments', { body: { name: 'Oncologists, Illinois' } });
    use(data.id);`,
    fetch: `const data = await send<Segment>('POST', '/segments', {
      name: 'Oncologists, Illinois',
    } satisfies SegmentInput);
    use(data.id);`,
  },
  {
    id: 'addSegmentContacts',
    client: `const { data } = await pulse.POST('/segments/{segmentId}/contacts', {
      params: { path: { segmentId: 87 } },
      body: { contactIds: [contactId, 1025] },
    });
    use(data.added, data.notFoundContactIds);`,
    fetch: `const data = await send<SegmentContactAdditionResult>('POST', '/segments/87/contacts', {
      contactIds: [contactId, 1025],
    } satisfies SegmentContactAddition);
    use(data.added, data.notFoundContactIds);`,
  },
  {
    id: 'listSegmentContacts',
    client: `const { data } = await pulse.GET('/segments/{segmentId}/contacts', {
      params: { path: { segmentId: 87 } },
    });
    use(data.items[0]?.lastName);`,
    fetch: `const data = await send<List<ContactSummary>>('GET', '/segments/87/contacts');
    use(data.items[0]?.lastName);`,
  },
  {
    id: 'removeSegmentContact',
    client: `await pulse.DELETE('/segments/{segmentId}/contacts/{contactId}', {
      params: { path: { segmentId: 87, contactId } },
    });`,
    fetch: `await send<void>('DELETE', \`/segments/87/contacts/\${contactId}\`);`,
  },
  {
    id: 'listSources',
    client: `const { data } = await pulse.GET('/sources');
    use(data.items[0]?.name);`,
    fetch: `const data = await send<List<Source>>('GET', '/sources');
    use(data.items[0]?.name);`,
  },
  {
    id: 'createSource',
    client: `const { data } = await pulse.POST('/sources', { body: { name: 'CRM sync' } });
    use(data.id);`,
    fetch: `const data = await send<Source>('POST', '/sources', { name: 'CRM sync' } satisfies SourceInput);
    use(data.id);`,
  },
  {
    id: 'listActionCodes',
    client: `const { data } = await pulse.GET('/action-codes', { params: { query: { tacticId: 1 } } });
    use(data.items[0]?.tacticId);`,
    fetch: `const data = await send<List<ActionCode>>('GET', '/action-codes?tacticId=1');
    use(data.items[0]?.tacticId);`,
  },
  {
    id: 'listForms',
    client: `const { data } = await pulse.GET('/forms');
    use(data.items[0]?.uuid);`,
    fetch: `const data = await send<List<Form>>('GET', '/forms');
    use(data.items[0]?.uuid);`,
  },
  {
    id: 'submitForm',
    client: `const { data } = await pulse.POST('/forms/{uuid}/submit', {
      params: { path: { uuid: formUuid } },
      body: { emailAddress: email, firstName: 'Jane', lastName: 'Rivera', state: 'IL' },
    });
    use(data.contactId, data.outcome);`,
    fetch: `const data = await send<FormSubmissionResult>('POST', \`/forms/\${formUuid}/submit\`, {
      emailAddress: email, firstName: 'Jane', lastName: 'Rivera', state: 'IL',
    } satisfies FormSubmission);
    use(data.contactId, data.outcome);`,
  },
  {
    id: 'createFromLine',
    client: `const { data } = await pulse.POST('/from-lines', {
      body: { name: 'Medical affairs', senderName: 'Pulse Health', senderAddress: 'news@example.org' },
    });
    use(data.replyToAddress);`,
    fetch: `const data = await send<FromLine>('POST', '/from-lines', {
      name: 'Medical affairs', senderName: 'Pulse Health', senderAddress: 'news@example.org',
    } satisfies FromLineInput);
    use(data.replyToAddress);`,
  },
  {
    id: 'recordEmailAction',
    client: `const { data } = await pulse.POST('/actions/emails', {
      body: { contactId, actionCodeId: 101, actionDate: '2026-03-14T15:09:26Z', emailMessageId: 3, contactEmailId: 5001 },
    });
    use(data.actionCode?.name, data.contact?.lastName);`,
    fetch: `const data = await send<EmailAction>('POST', '/actions/emails', {
      contactId, actionCodeId: 101, actionDate: '2026-03-14T15:09:26Z', emailMessageId: 3, contactEmailId: 5001,
    } satisfies EmailActionInput);
    use(data.actionCode?.name, data.contact?.lastName);`,
  },
  {
    id: 'matchNpi',
    client: `const { data } = await pulse.POST('/npi-match', {
      body: { firstName: 'Jane', lastName: 'Rivera', state: 'IL' },
    });
    use(data.candidates[0]?.score);`,
    fetch: `const data = await send<NpiMatchResult>('POST', '/npi-match', {
      firstName: 'Jane', lastName: 'Rivera', state: 'IL',
    } satisfies NpiMatchRequest);
    use(data.candidates[0]?.score);`,
  },
];

const sharedDeclarations = `declare const accountId: string;
declare const apiToken: string;
declare const contactId: number;
declare const email: string;
declare const formUuid: string;
declare function use(...values: unknown[]): void;
`;

// What a project without the client writes: a typed wrapper around fetch, and an interface for
// each resource and request body it uses, with the fields it needs.
const handWrittenTypes = `interface List<Item> { items: Item[]; totalCount: number }
interface Account { id: number; accountId: string; name: string; accountType: 'HCP' | 'Patient'; allowedTactics: number[] }
interface ContactEmail { id: number; emailAddress: string; isSubscribed?: boolean; isDefault?: boolean }
interface ContactEmailInput { emailAddress: string; isSubscribed?: boolean; isDefault?: boolean }
interface ContactLocation { id: number; company?: string; addressLine1?: string; city?: string; state?: string; postalCode?: string; country?: string }
type ContactLocationInput = Omit<ContactLocation, 'id'>;
interface ContactPhone { id: number; phone: string; isPhoneSubscribed?: boolean; isSmsSubscribed?: boolean; isFax?: boolean }
type ContactPhoneInput = Omit<ContactPhone, 'id'>;
type CustomFields = Record<string, string | number | boolean | null>;
interface ContactInput {
  salutation?: string; firstName?: string; lastName?: string; credentials?: string; npi?: string;
  specialty?: string; contactType?: string; source?: number; customFields?: CustomFields;
  emails?: (ContactEmailInput & { id?: number })[];
}
interface ContactCreate extends ContactInput { source: number }
interface Contact extends Omit<ContactInput, 'emails'> {
  id: number; emails?: ContactEmail[]; locations?: ContactLocation[]; phones?: ContactPhone[];
  isTest?: boolean; createdAt?: string; updatedAt?: string;
}
interface ContactSummary { id: number; firstName?: string; lastName?: string; npi?: string }
interface CampaignInput { name: string; type: 'simple' | 'automation'; startDate?: string }
interface Campaign extends Partial<CampaignInput> { id: number; isArchived?: boolean; createdAt?: string; updatedAt?: string }
interface SegmentInput { name: string }
interface Segment { id: number; name?: string; isArchived?: boolean; contactCount?: number }
interface SegmentContactAddition { contactIds: number[] }
interface SegmentContactAdditionResult { added: number; alreadyMembers: number; notFoundContactIds: number[]; contactCount: number }
interface SourceInput { name: string }
interface Source { id: number; name?: string }
interface ActionCode { id: number; name?: string; tacticId?: number }
interface Form { uuid: string; name?: string }
interface FormSubmission { emailAddress: string; firstName?: string; lastName?: string; state?: string; customFields?: CustomFields }
interface FormSubmissionResult { contactId: number; outcome: 'created' | 'updated' }
interface FromLineInput { name: string; senderName: string; senderAddress: string; replyToAddress?: string }
interface FromLine extends Partial<FromLineInput> { id: number }
interface Reference { id: number; name?: string }
interface EmailActionInput {
  contactId: number; actionCodeId: number; actionDate: string; emailMessageId: number; contactEmailId: number;
  campaignId?: number; sourceId?: number;
}
interface EmailAction { id?: number; actionDate?: string; actionCode?: Reference; contact?: ContactSummary; emailMessage?: Reference }
interface NpiMatchRequest { firstName: string; lastName: string; state?: string; city?: string; maxCandidates?: number }
interface NpiMatchResult { candidates: { score: number; matchedFields: string[]; record: { npi: string } }[] }

const baseUrl = 'http://127.0.0.1:4010';
async function send<Result>(method: string, path: string, body?: object): Promise<Result> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { Authorization: \`API-TOKEN \${apiToken}\`, 'X-Account': accountId, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(\`\${method} \${path} returned HTTP \${response.status}.\`);
  return (response.status === 204 ? undefined : await response.json()) as Result;
}
`;

const clientImport = `import { createPulseClient } from '@pulse-engagement/client';\n`;
const clientCreation = `const pulse = createPulseClient({ accountId, apiToken, baseUrl: 'http://127.0.0.1:4010' });\n`;

function runFunction(statements) {
  const blocks = statements.map((statement) => `  {\n    ${statement}\n  }`);
  return `export async function run(): Promise<void> {\n${blocks.join('\n')}\n}\n`;
}

/** The consumer's `main.ts` for each calling style, keyed by a short id. */
export const consumers = {
  fetch: {
    label: 'Hand-written `fetch` and interfaces',
    source: `${sharedDeclarations}${handWrittenTypes}\n${runFunction(operations.map((operation) => operation.fetch))}`,
  },
  client: {
    label: 'createPulseClient',
    source: `${clientImport}${sharedDeclarations}${clientCreation}\n${runFunction(operations.map((operation) => operation.client))}`,
  },
  clientImportOnly: {
    label: 'createPulseClient, no calls',
    source: `${clientImport}${sharedDeclarations}${clientCreation}export const client = pulse;\n`,
  },
};

// The calling styles, each a round of the same four requests: a list with fields[] and sort[],
// a create, an update and a form submission. `index` makes each round's body differ.
const callingStyleRounds = {
  fetchWithSchemaTypes: {
    label: 'Hand-written `fetch` with the generated schema types',
    round: (index) => `
  {
    const list = (await (await fetch(base + '/contacts?fields[]=firstName&sort[]=lastName:ASC')).json()) as components['schemas']['ContactList'];
    const created = (await (await fetch(base + '/contacts', { method: 'POST', body: JSON.stringify({ source: ${index} } satisfies components['schemas']['ContactCreate']) })).json()) as components['schemas']['Contact'];
    await fetch(base + '/contacts/' + created.id, { method: 'PUT', body: JSON.stringify({ lastName: 'R' } satisfies components['schemas']['ContactInput']) });
    const outcome = (await (await fetch(base + '/forms/u/submit', { method: 'POST', body: JSON.stringify({ emailAddress: 'a@b.c' } satisfies components['schemas']['FormSubmission']) })).json()) as components['schemas']['FormSubmissionResult'];
    void [list.items[0]?.firstName, outcome.contactId];
  }`,
  },
  rawClient: {
    label: 'Raw client (`pulse.raw`, openapi-fetch)',
    round: (index) => `
  {
    const list = await pulse.raw.GET('/contacts', { params: { query: { 'fields[]': ['firstName'], 'sort[]': ['lastName:ASC'] } } });
    const created = await pulse.raw.POST('/contacts', { body: { source: ${index} } });
    await pulse.raw.PUT('/contacts/{id}', { params: { path: { id: created.data?.id ?? 0 } }, body: { lastName: 'R' } });
    const outcome = await pulse.raw.POST('/forms/{uuid}/submit', { params: { path: { uuid: 'u' } }, body: { emailAddress: 'a@b.c' } });
    void [list.data?.items[0]?.firstName, outcome.data?.contactId];
  }`,
  },
  throwingClient: {
    label: 'createPulseClient',
    round: (index) => `
  {
    const list = await pulse.GET('/contacts', { params: { query: { 'fields[]': ['firstName'], 'sort[]': ['lastName:ASC'] } } });
    const created = await pulse.POST('/contacts', { body: { source: ${index} } });
    await pulse.PUT('/contacts/{id}', { params: { path: { id: created.data.id } }, body: { lastName: 'R' } });
    const outcome = await pulse.submitForm('u', { emailAddress: 'a@b.c' });
    void [list.data.items[0]?.firstName, outcome.contactId];
  }`,
  },
  typedCustomFields: {
    label: 'createPulseClient with typed custom fields',
    round: (index) => `
  {
    const list = await custom.GET('/contacts', { params: { query: { 'fields[]': ['firstName', 'customFields'], 'sort[]': ['lastName:ASC'] } } });
    const created = await custom.POST('/contacts', { body: { source: ${index}, customFields: { language: 'es' } } });
    await custom.PUT('/contacts/{id}', { params: { path: { id: created.data.id } }, body: { lastName: 'R' } });
    const outcome = await custom.submitForm('u', { emailAddress: 'a@b.c' });
    void [list.data.items[0]?.customFields?.language, outcome.contactId];
  }`,
  },
};

/** Ids and labels of the calling styles, in the order the report lists them. */
export const callingStyles = Object.entries(callingStyleRounds).map(([id, { label }]) => ({
  id,
  label,
}));

/** Returns the consumer's `main.ts` for one calling style with `rounds` rounds of four calls. */
export function callingStyleSource(styleId, rounds) {
  const { round } = callingStyleRounds[styleId];
  const body = Array.from({ length: rounds }, (_, index) => round(index)).join('\n');
  return `import type { PulseClient, components } from '@pulse-engagement/client';
declare const pulse: PulseClient;
declare const custom: PulseClient<{ language?: string; visits?: number }>;
declare const base: string;
export async function run(): Promise<void> {${body}
}
`;
}
