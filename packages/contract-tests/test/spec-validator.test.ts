import { describe, expect, it } from 'vitest';
import { operations, responseProblems } from './support/spec-validator.js';

// The contract tests trust this validator, so it must itself reject what the spec forbids.
describe('spec validator', () => {
  it('finds every operation of the spec', () => {
    expect([...operations.keys()].sort()).toEqual(
      expect.arrayContaining(['createContact', 'getContact', 'listForms', 'submitForm']),
    );
  });

  it.each([
    ['listContacts', 200, { items: 'none', totalCount: 0 }],
    ['listContacts', 200, { items: [] }],
    ['getContact', 200, { firstName: 'Jane' }],
    ['getContact', 200, { id: 1, npi: '12345' }],
    ['getContact', 200, { id: 1, locations: [{ id: 2, addressLine2: 'Suite 4' }] }],
    ['getContact', 200, { id: 1, createdAt: 'yesterday' }],
    ['getContact', 200, { id: 1, customFields: { a: [] } }],
    ['getContact', 200, { id: 1, nickname: 'JR' }],
    [
      'listContacts',
      200,
      { items: [{ id: 1, emails: [{ id: 2, emailAddress: 'a@b.org', x: 1 }] }], totalCount: 1 },
    ],
    ['getContact', 404, { error: 'not found' }],
    ['submitForm', 200, { contactId: 1, outcome: 'merged' }],
  ])('rejects an invalid %s %i body', (operationId, status, body) => {
    expect(responseProblems(operationId, status, body)).not.toEqual([]);
  });

  it('rejects a status the operation does not declare', () => {
    expect(() => responseProblems('getContact', 418, {})).toThrow(/declares no 418/);
  });

  it('accepts a minimal valid contact', () => {
    expect(responseProblems('getContact', 200, { id: 1 })).toEqual([]);
  });
});
