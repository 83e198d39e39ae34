import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findUnexercised, listOperations } from '../check-operation-coverage.mjs';

const document = {
  paths: {
    '/contacts': {
      parameters: [],
      get: { operationId: 'listContacts' },
      post: { operationId: 'createContact' },
    },
    '/contacts/{id}': { delete: { operationId: 'deleteContact' } },
  },
};

describe('operation coverage check', () => {
  it('lists operations with method and path, skipping path-level keys', () => {
    assert.deepEqual(listOperations(document), [
      { operationId: 'listContacts', method: 'GET', path: '/contacts' },
      { operationId: 'createContact', method: 'POST', path: '/contacts' },
      { operationId: 'deleteContact', method: 'DELETE', path: '/contacts/{id}' },
    ]);
  });

  it('passes when every operation got a 2xx', () => {
    const statuses = { listContacts: [200, 422], createContact: [201], deleteContact: [204] };

    assert.deepEqual(findUnexercised(document, statuses), []);
  });

  it('reports an operation that only got errors', () => {
    const statuses = { listContacts: [200], createContact: [401, 422], deleteContact: [204] };

    assert.deepEqual(
      findUnexercised(document, statuses).map(({ operationId }) => operationId),
      ['createContact'],
    );
  });

  it('reports an operation that was never called', () => {
    const statuses = { listContacts: [200], createContact: [201] };

    assert.deepEqual(findUnexercised(document, statuses), [
      { operationId: 'deleteContact', method: 'DELETE', path: '/contacts/{id}' },
    ]);
  });
});
