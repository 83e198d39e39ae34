import { describe, expect, it } from 'vitest';
import type { components } from '@pulse-engagement/client';
import { mockClient } from './support/credentials.js';
import { expectConforms } from './support/expect-conforms.js';
import { responseProblems } from './support/spec-validator.js';
import { errorFields } from './support/error-fields.js';
import { isStaticMock } from './support/mock-mode.js';

type NpiMatchRequest = components['schemas']['NpiMatchRequest'];

const pulse = mockClient();

describe('NPI Match operations', () => {
  it('matchNpi returns candidates best first', async () => {
    const result = await pulse.POST('/npi-match', {
      body: {
        firstName: 'Jane',
        middleName: 'A',
        lastName: 'Rivera',
        credential: 'MD',
        city: 'Chicago',
        state: 'IL',
        postalCode: '60611',
        specialty: 'Oncology',
        taxonomyCode: '207RX0202X',
        maxCandidates: 3,
      },
    });

    expectConforms('matchNpi', 200, result);
    const scores = result.data?.candidates.map((candidate) => candidate.score) ?? [];
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.length).toBeLessThanOrEqual(3);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('matchNpi returns the physician first', async () => {
    const result = await pulse.POST('/npi-match', {
      body: { firstName: 'Jane', lastName: 'Rivera', state: 'IL' },
    });

    expectConforms('matchNpi', 200, result);
    const record = result.data?.candidates[0]?.record;
    expect(record?.number).toBe('1456789019');
    expect(record?.enumerationType).toBe('NPI-1');
    if (record?.enumerationType === 'NPI-1') {
      expect(record.lastName).toBe('RIVERA');
    }
  });

  it('matchNpi can return an organization', async () => {
    const result = await pulse.POST('/npi-match', {
      body: { firstName: 'Jane', lastName: 'Rivera' },
    });

    expectConforms('matchNpi', 200, result);
    const types = result.data?.candidates.map((candidate) => candidate.record.enumerationType);
    expect(types).toContain('NPI-2');
  });

  // The stateful mock does not model NPI matching: it always returns the first example.
  it.runIf(isStaticMock())('matchNpi returns an empty array without a match', async () => {
    const result = await pulse.POST('/npi-match', {
      body: { firstName: 'Marcus', lastName: 'Okafor', state: 'TX' },
      headers: { Prefer: 'example=NpiMatchNoCandidates' },
    });

    expectConforms('matchNpi', 200, result);
    expect(result.data).toEqual({ candidates: [] });
  });
});

// Each body breaks one rule of NpiMatchRequest, and the field is where the mock must report it.
const invalidBodies: [string, unknown, string][] = [
  ['missing firstName', { lastName: 'Rivera' }, 'body.firstName'],
  ['missing lastName', { firstName: 'Jane' }, 'body.lastName'],
  ['empty firstName', { firstName: '', lastName: 'Rivera' }, 'body.firstName'],
  ['state name', { firstName: 'Jane', lastName: 'Rivera', state: 'Illinois' }, 'body.state'],
  ['lowercase state', { firstName: 'Jane', lastName: 'Rivera', state: 'il' }, 'body.state'],
  [
    '4-digit postalCode',
    { firstName: 'Jane', lastName: 'Rivera', postalCode: '6061' },
    'body.postalCode',
  ],
  [
    'taxonomy without X',
    { firstName: 'Jane', lastName: 'Rivera', taxonomyCode: '207RX02020' },
    'body.taxonomyCode',
  ],
  [
    'maxCandidates 0',
    { firstName: 'Jane', lastName: 'Rivera', maxCandidates: 0 },
    'body.maxCandidates',
  ],
  [
    'maxCandidates 51',
    { firstName: 'Jane', lastName: 'Rivera', maxCandidates: 51 },
    'body.maxCandidates',
  ],
];

describe('NPI Match validation', () => {
  it.each(invalidBodies)('matchNpi rejects %s', async (_case, body, field) => {
    const result = await pulse.POST('/npi-match', { body: body as NpiMatchRequest });

    const error = expectConforms('matchNpi', 422, result);
    expect(errorFields(error)).toContain(field);
  });

  it('matchNpi accepts ZIP+4 with a hyphen', async () => {
    const result = await pulse.POST('/npi-match', {
      body: { firstName: 'Jane', lastName: 'Rivera', postalCode: '60611-3015' },
    });

    expectConforms('matchNpi', 200, result);
  });
});

const individual = {
  number: '1456789019',
  enumerationType: 'NPI-1',
  firstName: 'JANE',
  lastName: 'RIVERA',
  taxonomies: [
    { code: '207RX0202X', description: 'Internal Medicine, Medical Oncology', primary: true },
  ],
  addresses: [
    { purpose: 'LOCATION', addressLine1: '200 LAKESHORE DR', city: 'CHICAGO', countryCode: 'US' },
  ],
};

function resultWith(record: object, score = 0.9): object {
  return { candidates: [{ score, matchedFields: ['firstName', 'lastName'], record }] };
}

// The contract tests trust these schemas, so they must reject what the spec forbids.
const invalidResults: [string, object][] = [
  ['score above 1', resultWith(individual, 1.2)],
  ['negative score', resultWith(individual, -0.1)],
  ['9-digit NPI', resultWith({ ...individual, number: '145678901' })],
  ['NPI-3 record', resultWith({ ...individual, enumerationType: 'NPI-3' })],
  ['individual without lastName', resultWith({ ...individual, lastName: undefined })],
  ['organization without name', resultWith({ ...individual, enumerationType: 'NPI-2' })],
  [
    'BILLING address',
    resultWith({ ...individual, addresses: [{ ...individual.addresses[0], purpose: 'BILLING' }] }),
  ],
  [
    'phone with dashes',
    resultWith({
      ...individual,
      addresses: [{ ...individual.addresses[0], telephone: '312-555-0148' }],
    }),
  ],
  ['paged envelope', { items: [], totalCount: 0 }],
];

describe('NPI Match schema', () => {
  it('accepts an individual record', () => {
    expect(responseProblems('matchNpi', 200, resultWith(individual))).toEqual([]);
  });

  it('accepts an organization record', () => {
    const { firstName: _first, lastName: _last, ...shared } = individual;
    const organization = {
      ...shared,
      enumerationType: 'NPI-2',
      organizationName: 'RIVERA ONCOLOGY GROUP LLC',
    };

    expect(responseProblems('matchNpi', 200, resultWith(organization))).toEqual([]);
  });

  it.each(invalidResults)('rejects %s', (_case, body) => {
    expect(responseProblems('matchNpi', 200, JSON.parse(JSON.stringify(body)))).not.toEqual([]);
  });
});
