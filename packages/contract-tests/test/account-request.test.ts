import { describe, expect, it } from 'vitest';
import { mockClient } from './support/credentials.js';
import { expectConforms } from './support/expect-conforms.js';
import { responseProblems } from './support/spec-validator.js';
import { isStaticMock } from './support/mock-mode.js';

const pulse = mockClient();

describe('Account Request operations', () => {
  it('getAccount returns the HCP account', async () => {
    const result = await pulse.GET('/account');

    expectConforms('getAccount', 200, result);
    expect(result.data?.accountType).toBe('HCP');
    expect(result.data?.allowedTactics).not.toContain(9);
  });

  // The stateful mock does not model accounts: it always returns the first example.
  it.runIf(isStaticMock())('getAccount returns a patient account', async () => {
    const result = await pulse.GET('/account', {
      headers: { Prefer: 'example=PatientAccount' },
    });

    expectConforms('getAccount', 200, result);
    expect(result.data?.accountType).toBe('Patient');
    expect(result.data?.allowedTactics).toContain(9);
  });

  it('getAccount defines every custom field type', async () => {
    const result = await pulse.GET('/account');

    expectConforms('getAccount', 200, result);
    const definitions = result.data?.customFieldDefinition.contact ?? [];
    const types = definitions.map((definition) => definition.type).sort();
    expect(types).toEqual(['boolean', 'date', 'number', 'select', 'text']);
  });

  it('getAccount lists options of select fields', async () => {
    const result = await pulse.GET('/account');

    expectConforms('getAccount', 200, result);
    const definitions = result.data?.customFieldDefinition.contact ?? [];
    const language = definitions.find((definition) => definition.key === 'preferredLanguage');
    expect(language?.type).toBe('select');
    if (language?.type === 'select') {
      expect(language.options.map((option) => option.value)).toContain('English');
    }
  });
});

const account = {
  id: 418,
  accountId: '2f4e6a8c-1b3d-4f5a-9c7e-0d2b4f6a8c1e',
  name: 'Oncavia HCP Marketing',
  accountType: 'HCP',
  allowedTactics: [1, 4],
  customFieldDefinition: { contact: [] },
};

function withField(definition: object): object {
  return { ...account, customFieldDefinition: { contact: [definition] } };
}

// The contract tests trust these schemas, so they must reject what the spec forbids.
const invalidAccounts: [string, object][] = [
  ['accountType Caregiver', { ...account, accountType: 'Caregiver' }],
  ['tactic 11', { ...account, allowedTactics: [1, 11] }],
  ['integer accountId', { ...account, accountId: 418 }],
  ['missing customFieldDefinition', { ...account, customFieldDefinition: undefined }],
  [
    'select field without options',
    withField({ key: 'tier', label: 'Tier', type: 'select', required: false }),
  ],
  ['unknown field type', withField({ key: 'tier', label: 'Tier', type: 'color', required: false })],
  ['field without required', withField({ key: 'tier', label: 'Tier', type: 'text' })],
];

describe('Account schema', () => {
  it('accepts an account without custom fields', () => {
    expect(responseProblems('getAccount', 200, account)).toEqual([]);
  });

  it.each(invalidAccounts)('rejects %s', (_case, body) => {
    expect(responseProblems('getAccount', 200, JSON.parse(JSON.stringify(body)))).not.toEqual([]);
  });
});
