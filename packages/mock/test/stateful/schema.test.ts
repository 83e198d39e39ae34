import { describe, expect, it } from 'vitest';
import { OpenApiReader } from '../../src/stateful/openapi.js';
import { SchemaReader } from '../../src/stateful/schema.js';
import { bundledDocument } from './harness.js';

const schemas = new SchemaReader(new OpenApiReader(bundledDocument));
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('schema projection', () => {
  it('drops read-only properties of a request value', () => {
    const value = {
      id: 3,
      firstName: 'Ada',
      createdAt: '2026-01-01T00:00:00Z',
      emailIsDefault: true,
    };

    expect(schemas.project(value, ref('Contact'), 'request')).toEqual({
      firstName: 'Ada',
      emailIsDefault: true,
    });
  });

  it('drops write-only properties of a response value', () => {
    const value = { id: 3, firstName: 'Ada', emailIsDefault: true };

    expect(schemas.project(value, ref('Contact'), 'response')).toEqual({ id: 3, firstName: 'Ada' });
  });

  it('drops undeclared properties at every depth and keeps additional ones where allowed', () => {
    const value = {
      firstName: 'Ada',
      nickname: 'A',
      emails: [{ emailAddress: 'a@example.org', primary: true }],
      customFields: { anyKey: 1 },
    };

    expect(schemas.project(value, ref('ContactCreate'), 'request')).toEqual({
      firstName: 'Ada',
      emails: [{ emailAddress: 'a@example.org' }],
      customFields: { anyKey: 1 },
    });
  });

  it('keeps the properties of the discriminated member only', () => {
    const condition = { type: 'segmentJoined', segmentId: 4, formUuid: 'x', actionCodeId: 2 };

    expect(schemas.project(condition, ref('ConditionalEmailCondition'), 'request')).toEqual({
      type: 'segmentJoined',
      segmentId: 4,
    });
  });

  it('treats a false property schema as undeclared', () => {
    expect(
      schemas.project({ name: 'A', isArchived: true }, ref('CampaignUpdate'), 'request'),
    ).toEqual({
      name: 'A',
    });
  });
});

describe('schema reading', () => {
  it('finds the narrower declaration of a refined property first', () => {
    const tacticId = schemas.properties(ref('Banner')).get('tacticId')?.schema;

    expect(schemas.keyword(tacticId, 'enum')).toEqual([5, 6]);
  });

  it('merges required names across allOf', () => {
    expect([...schemas.required(ref('ContactEmail'))].sort()).toEqual(['emailAddress', 'id']);
  });

  it('merges dependentRequired across allOf', () => {
    expect(schemas.dependentRequired(ref('ContactLocation')).get('city')).toEqual(['state']);
  });

  it.each([
    [{ id: 1, nickname: 'x' }, 'nickname'],
    [{ id: 1, emails: [{ id: 2, emailAddress: 'a@b.org', primary: true }] }, 'emails[0].primary'],
    [{ id: 1, phoneIsSmsDefault: true }, 'phoneIsSmsDefault'],
    [{ id: 1, customFields: { anything: true } }, undefined],
  ])('finds the undeclared property of %j', (value, expected) => {
    expect(schemas.findUndeclared(value, ref('Contact'))).toBe(expected);
  });
});
