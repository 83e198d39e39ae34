import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/stateful/catalog.js';
import { OpenApiReader } from '../../src/stateful/openapi.js';
import { SchemaReader } from '../../src/stateful/schema.js';
import { bundledDocument } from './harness.js';

const reader = new OpenApiReader(bundledDocument);
const catalog = buildCatalog(reader, new SchemaReader(reader));

describe('catalog derived from the spec', () => {
  it('covers all 78 operations', () => {
    expect(catalog.operations.size).toBe(78);
  });

  it.each([
    ['listContacts', 'list', '/contacts'],
    ['createContact', 'create', '/contacts'],
    ['getContact', 'get', '/contacts'],
    ['updateContact', 'update', '/contacts'],
    ['deleteContact', 'delete', '/contacts'],
    ['addContactEmail', 'create', '/contacts/{contactId}/emails'],
    ['removeContactPhone', 'delete', '/contacts/{contactId}/phones'],
    ['archiveCampaign', 'archive', '/campaigns'],
    ['archiveSegment', 'archive', '/segments'],
    ['recordEmailAction', 'create', '/actions/emails'],
    ['getForm', 'get', '/forms'],
    ['getFormCreative', 'get', '/creatives/forms'],
    ['addSegmentContacts', 'other', undefined],
    ['submitForm', 'other', undefined],
    ['matchNpi', 'other', undefined],
    ['getAccount', 'other', undefined],
  ])('classifies %s as %s', (operationId, kind, path) => {
    const operation = catalog.operation(operationId);

    expect(operation.kind).toBe(kind);
    expect(operation.collection?.path).toBe(path);
  });

  it('identifies forms by uuid and other resources by id', () => {
    expect(catalog.collection('/forms').idField).toBe('uuid');
    expect(catalog.collection('/creatives/forms').idField).toBe('id');
    expect(catalog.collection('/contacts/{contactId}/locations').idField).toBe('id');
  });

  it('embeds contact sub-resources in the contact arrays', () => {
    const parents = ['emails', 'locations', 'phones'].map(
      (field) => catalog.collection(`/contacts/{contactId}/${field}`).parent,
    );

    expect(parents.map((parent) => parent?.collection.path)).toEqual([
      '/contacts',
      '/contacts',
      '/contacts',
    ]);
    expect(parents.map((parent) => parent?.parameter)).toEqual([
      'contactId',
      'contactId',
      'contactId',
    ]);
    expect(parents.map((parent) => parent?.field)).toEqual(['emails', 'locations', 'phones']);
  });

  it('keeps segment members outside the segment record', () => {
    const parent = catalog.collection('/segments/{segmentId}/contacts').parent;

    expect(parent?.collection.path).toBe('/segments');
    expect(parent?.field).toBeUndefined();
  });

  it('labels collections from their item schema', () => {
    expect(catalog.collection('/contacts/{contactId}/emails').label).toBe('contact email');
    expect(catalog.collection('/creatives/email-messages').label).toBe('email message');
  });

  it('rejects a document without paths', () => {
    expect(() => new OpenApiReader({ openapi: '3.1.0' })).toThrow(/bundled OpenAPI document/);
  });

  it('rejects an unknown operationId by name', () => {
    expect(() => catalog.operation('listWidgets')).toThrow(/no operation listWidgets/);
  });
});
