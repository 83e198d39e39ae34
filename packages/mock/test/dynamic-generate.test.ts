import { describe, expect, it } from 'vitest';
import { generateValue } from '../src/dynamic/generate.js';
import { createRandom } from '../src/dynamic/random.js';
import { createRefResolver } from '../src/dynamic/schema-collect.js';
import { SchemaGenerationError, type JsonSchema } from '../src/dynamic/schema-merge.js';
import { createResponseSchemaCheck } from './schema-check.js';

const SEEDS = Array.from({ length: 100 }, (_, index) => `seed-${index}`);

const schemas: Record<string, unknown> = {
  Tactic: { type: 'integer', enum: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  Creative: {
    type: 'object',
    required: ['id'],
    properties: {
      id: { type: 'integer', minimum: 1, readOnly: true },
      tacticId: { $ref: '#/components/schemas/Tactic' },
    },
  },
  // Narrows the enum of the base through allOf, which json-schema-faker 0.5.8 ignores.
  Banner: {
    allOf: [
      { $ref: '#/components/schemas/Creative' },
      { type: 'object', properties: { tacticId: { type: 'integer', enum: [5, 6] } } },
    ],
  },
  Cat: {
    type: 'object',
    required: ['type', 'lives'],
    properties: { type: { type: 'string' }, lives: { type: 'integer', minimum: 1, maximum: 9 } },
  },
  Dog: {
    type: 'object',
    required: ['type', 'barks'],
    properties: { type: { type: 'string' }, barks: { type: 'boolean' } },
  },
  Pet: {
    oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
    discriminator: {
      propertyName: 'type',
      mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' },
    },
  },
  Address: {
    type: 'object',
    properties: {
      addressLine1: { type: 'string' },
      addressLine2: { type: 'string' },
      city: { type: 'string' },
      state: { type: 'string', pattern: '^[A-Z]{2}$' },
      postalCode: { type: 'string', pattern: '^[0-9]{5}(-?[0-9]{4})?$' },
    },
    dependentRequired: { addressLine2: ['addressLine1'], city: ['state', 'postalCode'] },
  },
  Account: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 5, maxLength: 5 },
      password: { type: 'string', writeOnly: true },
    },
  },
  UniqueLetters: {
    type: 'array',
    items: { enum: ['a', 'b', 'c'] },
    uniqueItems: true,
    minItems: 3,
  },
  Numbers: {
    type: 'object',
    required: ['exclusive', 'fraction', 'step', 'quarter', 'int32'],
    properties: {
      exclusive: { type: 'integer', exclusiveMinimum: 0, maximum: 3 },
      fraction: { type: 'number', minimum: 0.5, exclusiveMaximum: 1 },
      step: { type: 'integer', multipleOf: 5, minimum: 1, maximum: 30 },
      quarter: { type: 'number', multipleOf: 0.25 },
      int32: { type: 'integer', format: 'int32', maximum: -5 },
    },
  },
  Formats: {
    type: 'object',
    required: ['date', 'dateTime', 'time', 'email', 'uri', 'uuid', 'ipv4', 'ipv6', 'hostname'],
    properties: {
      date: { type: 'string', format: 'date' },
      dateTime: { type: 'string', format: 'date-time' },
      time: { type: 'string', format: 'time' },
      email: { type: 'string', format: 'email' },
      uri: { type: 'string', format: 'uri' },
      uuid: { type: 'string', format: 'uuid' },
      ipv4: { type: 'string', format: 'ipv4' },
      ipv6: { type: 'string', format: 'ipv6' },
      hostname: { type: 'string', format: 'hostname' },
    },
  },
  Nullable: { type: ['string', 'null'] },
  CustomFields: {
    type: 'object',
    additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
  },
  Sized: {
    type: 'object',
    minProperties: 3,
    maxProperties: 3,
    properties: {
      a: { type: 'string' },
      b: { type: 'string' },
      c: { type: 'string' },
      d: { type: 'string' },
    },
  },
  Constant: {
    type: 'object',
    required: ['version'],
    properties: { version: { const: 2 }, kind: { enum: [{ a: 1 }, { b: 2 }] } },
  },
  Tree: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', maxLength: 12 },
      children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
    },
  },
  Prefix: { type: 'string', examples: ['Dr.', 'Ms.'] },
  Untyped: {},
};

const document = { openapi: '3.1.0', components: { schemas } };
const check = createResponseSchemaCheck(document);

function generate(schema: unknown, seed: string, source: object = document): unknown {
  return generateValue(schema as JsonSchema, {
    resolve: createRefResolver(source),
    random: createRandom(seed),
  });
}

function generateNamed(name: string, seed: string): unknown {
  return generate({ $ref: `#/components/schemas/${name}` }, seed);
}

describe('generateValue', () => {
  it.each(Object.keys(schemas))('generates valid %s values', (name) => {
    for (const seed of SEEDS) {
      const value = generateNamed(name, seed);
      expect(check(`#/components/schemas/${name}`, value), JSON.stringify(value)).toEqual([]);
    }
  });

  it('keeps a narrowed enum from allOf', () => {
    const tactics = new Set(
      SEEDS.map((seed) => (generateNamed('Banner', seed) as { tacticId?: number }).tacticId),
    );

    expect([...tactics].filter((tactic) => tactic !== undefined).sort()).toEqual([5, 6]);
  });

  it('sets the discriminator of the chosen branch', () => {
    const pets = SEEDS.map((seed) => generateNamed('Pet', seed) as Record<string, unknown>);

    expect(new Set(pets.map((pet) => pet.type))).toEqual(new Set(['cat', 'dog']));
    for (const pet of pets) {
      expect(pet.type === 'cat' ? 'lives' : 'barks', JSON.stringify(pet)).toSatisfy(
        (property: string) => property in pet,
      );
    }
  });

  it('adds dependentRequired properties', () => {
    const addresses = SEEDS.map(
      (seed) => generateNamed('Address', seed) as Record<string, unknown>,
    );
    const withCity = addresses.filter((address) => 'city' in address);

    expect(withCity.length).toBeGreaterThan(0);
    for (const address of withCity) {
      expect(address).toHaveProperty('state');
      expect(address).toHaveProperty('postalCode');
    }
  });

  it('leaves writeOnly properties out', () => {
    for (const seed of SEEDS) {
      expect(generateNamed('Account', seed)).not.toHaveProperty('password');
    }
  });

  it('leaves required writeOnly properties out', () => {
    // OpenAPI applies `required` on a writeOnly property to requests only.
    const schema = {
      type: 'object',
      required: ['name', 'password'],
      properties: { name: { type: 'string' }, password: { type: 'string', writeOnly: true } },
    };

    for (const seed of SEEDS) {
      const value = generate(schema, seed);
      expect(value).toHaveProperty('name');
      expect(value).not.toHaveProperty('password');
    }
  });

  it('includes optional properties only sometimes', () => {
    const addresses = SEEDS.map(
      (seed) => generateNamed('Address', seed) as Record<string, unknown>,
    );
    const withLine1 = addresses.filter((address) => 'addressLine1' in address).length;

    expect(withLine1).toBeGreaterThan(50);
    expect(withLine1).toBeLessThan(SEEDS.length);
  });

  it('returns null sometimes for a nullable type', () => {
    const values = SEEDS.map((seed) => generateNamed('Nullable', seed));

    expect(values).toContain(null);
    expect(values.some((value) => typeof value === 'string')).toBe(true);
  });

  it('uses schema examples sometimes', () => {
    const values = new Set(SEEDS.map((seed) => generateNamed('Prefix', seed)));

    expect(values.has('Dr.') || values.has('Ms.')).toBe(true);
    expect(values.size).toBeGreaterThan(2);
  });

  it('returns the same value for a seed', () => {
    expect(generateNamed('Tree', 'same')).toEqual(generateNamed('Tree', 'same'));
    expect(generateNamed('Formats', 'same')).toEqual(generateNamed('Formats', 'same'));
  });

  it('returns different values for different seeds', () => {
    const values = new Set(SEEDS.map((seed) => JSON.stringify(generateNamed('Formats', seed))));

    expect(values.size).toBe(SEEDS.length);
  });

  it('keeps recursive schemas finite', () => {
    const depth = (tree: { children?: unknown[] }): number =>
      1 +
      Math.max(
        0,
        ...(tree.children ?? []).map((child) => depth(child as { children?: unknown[] })),
      );

    for (const seed of SEEDS) {
      expect(depth(generateNamed('Tree', seed) as { children?: unknown[] })).toBeLessThanOrEqual(7);
    }
  });

  it.each([
    ['an unsupported keyword', { not: { type: 'string' } }, /^Cannot generate body: .*"not"/],
    [
      'an unsupported keyword deep inside',
      {
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'object', properties: { b: { if: {} } } } },
      },
      /^Cannot generate body\.a\.b: .*"if"/,
    ],
    ['a false schema', false, /^Cannot generate body: the schema is false/],
    [
      'a required false property',
      { type: 'object', required: ['a'], properties: { a: false } },
      /body\.a: the property is required, but its schema is false/,
    ],
    [
      'an enum of the wrong type',
      { allOf: [{ type: 'string' }, { enum: [1, 2] }] },
      /no value of "enum"/,
    ],
    ['disjoint types', { allOf: [{ type: 'string' }, { type: 'integer' }] }, /no type in common/],
    [
      'minimum above maximum',
      { type: 'integer', minimum: 5, maximum: 4 },
      /no integer lies between/,
    ],
    [
      'minLength above maxLength',
      { type: 'string', minLength: 3, maxLength: 2 },
      /minLength 3 is above maxLength 2/,
    ],
    [
      'minItems above maxItems',
      { type: 'array', minItems: 3, maxItems: 2 },
      /minItems 3 is above maxItems 2/,
    ],
    [
      'too few distinct items',
      { type: 'array', items: { enum: ['a', 'b'] }, uniqueItems: true, minItems: 3 },
      /only 2 distinct items/,
    ],
    [
      'an invalid pattern',
      { type: 'string', pattern: '(' },
      /not a valid ECMAScript regular expression/,
    ],
    [
      'a required property of a closed object',
      { type: 'object', required: ['x'], additionalProperties: false },
      /"x" is required, but the object allows no property/,
    ],
    ['an external $ref', { $ref: 'other.yaml#/Thing' }, /points outside the document\. Bundle/],
    ['a $ref to nothing', { $ref: '#/components/schemas/Missing' }, /points to no schema/],
    ['tuple items', { type: 'array', items: [{ type: 'string' }] }, /"items" as an array/],
  ])('rejects %s', (_case, schema, message) => {
    const attempt = () => generate(schema, 'x');

    expect(attempt).toThrow(SchemaGenerationError);
    expect(attempt).toThrow(message);
  });

  it('rejects a schema that requires itself', () => {
    const selfRequired = {
      openapi: '3.1.0',
      components: {
        schemas: {
          Node: {
            type: 'object',
            required: ['child'],
            properties: { child: { $ref: '#/components/schemas/Node' } },
          },
        },
      },
    };

    expect(() => generate({ $ref: '#/components/schemas/Node' }, 'x', selfRequired)).toThrow(
      /nests deeper than 40 levels/,
    );
  });

  it('rejects a $ref cycle through allOf', () => {
    const cyclic = {
      openapi: '3.1.0',
      components: {
        schemas: {
          A: { allOf: [{ $ref: '#/components/schemas/B' }] },
          B: { allOf: [{ $ref: '#/components/schemas/A' }] },
        },
      },
    };

    expect(() => generate({ $ref: '#/components/schemas/A' }, 'x', cyclic)).toThrow(
      /more than 500 subschemas/,
    );
  });
});
