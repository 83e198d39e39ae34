import { describe, expect, it } from 'vitest';
import { bundledSpec } from './support/bundled-spec.js';

// Conventions of spec/CONTRIBUTING.md that Redocly's rules cannot express: which errors each
// operation lists, and that list parameters name the fields of the items they list.

type Json = Record<string, any>;

const SECTIONS = [
  'Account Request',
  'Actions',
  'Action Codes',
  'Campaigns',
  'Contacts',
  'Contact Emails',
  'Contact Locations',
  'Contact Phones',
  'Creatives',
  'Forms',
  'From Lines',
  'NPI Match',
  'Segments',
  'Segment Contacts',
  'Sources',
  'Conditional Emails',
];
const LIST_PARAMETERS = ['fields[]', 'sort[]', 'page', 'limit', 'ignorePagination'];
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const spec = bundledSpec as Json;

function resolve(value: any): any {
  let current = value;
  for (let depth = 0; depth < 10 && typeof current?.$ref === 'string'; depth++) {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node: any, key) => node?.[key], spec);
  }
  return current;
}

/**
 * Collects the properties a schema defines, through $ref and allOf. A name that several allOf
 * members define maps to each of their definitions, such as the envelope's `items` and the
 * list's typed `items`.
 */
function propertiesOf(schema: unknown): Record<string, Json[]> {
  const resolved = resolve(schema) as Json | undefined;
  const found: Record<string, Json[]> = {};
  for (const [name, value] of Object.entries((resolved?.properties ?? {}) as Json)) {
    (found[name] ??= []).push(resolve(value));
  }
  for (const member of (resolved?.allOf ?? []) as unknown[]) {
    for (const [name, definitions] of Object.entries(propertiesOf(member))) {
      (found[name] ??= []).push(...definitions);
    }
  }
  return found;
}

/** Returns the sortable fields of an item schema: those of a string, number or boolean type. */
function scalarFields(item: Json): string[] {
  return Object.entries(propertiesOf(item))
    .filter(([, definitions]) =>
      definitions.some(
        (definition) =>
          !definition.writeOnly &&
          ['string', 'integer', 'number', 'boolean'].includes(String(definition.type)),
      ),
    )
    .map(([name]) => name)
    .sort();
}

interface Operation {
  operationId: string;
  method: string;
  path: string;
  operation: Json;
  parameters: Json[];
}

const operations: Operation[] = Object.entries(spec.paths as Json).flatMap(([path, item]) =>
  HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({
    operationId: item[method].operationId as string,
    method,
    path,
    operation: item[method] as Json,
    parameters: [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map(resolve),
  })),
);

/** Returns the item schema of a list operation, or undefined when its 200 body is no envelope. */
function listItemSchema({ method, operation }: Operation): Json | undefined {
  if (method !== 'get') return undefined;
  const schema = resolve(operation.responses?.['200'])?.content?.['application/json']?.schema;
  const properties = propertiesOf(schema);
  if (properties.totalCount === undefined) return undefined;
  const typed = properties.items?.find((definition) => definition.items !== undefined);
  return resolve(typed?.items);
}

const lists = operations.flatMap((entry) => {
  const item = listItemSchema(entry);
  return item === undefined ? [] : [{ ...entry, item }];
});

describe('spec conventions', () => {
  it('has one tag per documented section, in order', () => {
    expect((spec.tags as Json[]).map((tag) => tag.name)).toEqual(SECTIONS);
  });

  it.each(SECTIONS)('section %s has operations', (section) => {
    const tagged = operations.filter(({ operation }) => operation.tags?.includes(section));

    expect(tagged.length).toBeGreaterThan(0);
  });

  it.each(operations.map((entry) => [entry.operationId, entry] as const))(
    '%s lists the errors that can happen to it',
    (_operationId, { path, operation, parameters }) => {
      const expected = ['401', '403', '429', '500'];
      if (operation.requestBody !== undefined) expected.push('400', '422');
      if (parameters.length > 0) expected.push('422');
      if (path.includes('{')) expected.push('404');

      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(expected));
      expect(operation.tags).toHaveLength(1);
    },
  );

  it('finds the list operations', () => {
    expect(lists.map(({ operationId }) => operationId)).toEqual(
      expect.arrayContaining(['listContacts', 'searchContacts', 'listForms']),
    );
  });

  it.each(lists.map((entry) => [entry.operationId, entry] as const))(
    '%s takes the list parameters for its own fields',
    (_operationId, { parameters, item }) => {
      const names = parameters.map((parameter) => parameter.name);
      // Write-only properties, such as the flat subscription flags, never come back in a list.
      const fields = Object.entries(propertiesOf(item))
        .filter(([, definitions]) => !definitions.some((definition) => definition.writeOnly))
        .map(([name]) => name)
        .sort();
      const fieldsParameter = parameters.find((parameter) => parameter.name === 'fields[]');
      const sortParameter = parameters.find((parameter) => parameter.name === 'sort[]');
      const sortPattern = String(sortParameter?.schema?.items?.pattern);
      const sortable = /^\^\(([^)]*)\)/.exec(sortPattern)?.[1]?.split('|') ?? [];

      expect(names).toEqual(expect.arrayContaining(LIST_PARAMETERS));
      expect([...(fieldsParameter?.schema?.items?.enum ?? [])].sort()).toEqual(fields);
      expect([...sortable].sort()).toEqual(scalarFields(item));
      expect(sortPattern).toMatch(/:\(\[Aa\]\[Ss\]\[Cc\]\|\[Dd\]\[Ee\]\[Ss\]\[Cc\]\)\$$/);
    },
  );

  it.each(operations.map((entry) => [entry.operationId, entry] as const))(
    '%s takes integer or uuid ids in its path',
    (_operationId, { parameters }) => {
      for (const parameter of parameters.filter((candidate) => candidate.in === 'path')) {
        const { type, minimum, format } = parameter.schema;

        expect(type === 'integer' ? minimum : format, parameter.name).toBe(
          type === 'integer' ? 1 : 'uuid',
        );
      }
    },
  );
});
