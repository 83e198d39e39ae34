import { describe, expect, it } from 'vitest';
import { bundledSpec } from './support/bundled-spec.js';
import {
  collectExamples,
  createExampleChecker,
  findExampleProblems,
} from './support/example-check.js';

type Json = Record<string, any>;

const examples = collectExamples(bundledSpec);
const check = createExampleChecker(bundledSpec);

describe('examples of the bundled spec', () => {
  it('finds request, response, parameter and schema examples', () => {
    const names = examples.map((example) => example.name);

    expect(names).toEqual(
      expect.arrayContaining([
        'createContact request body example PhysicianCreate',
        'getContact 200 response example Physician',
        'getContact 404 response example notFound',
        'listContacts parameter sort[] example byName',
        'schema Npi example 1',
        'schema ContactInput.salutation example 1',
      ]),
    );
  });

  it.each(examples.map((example) => [example.name, example] as const))(
    '%s is valid against its schema',
    (_name, example) => {
      expect(check(example)).toEqual([]);
    },
  );
});

// The check must itself fail on a broken example, or the test above could pass on anything.
describe('example check on a broken copy of the spec', () => {
  function brokenSpec(edit: (document: Json) => void): Json {
    const document = structuredClone(bundledSpec) as Json;
    edit(document);
    return document;
  }

  it('reports a response example of the wrong type', () => {
    const document = brokenSpec((spec) => {
      spec.components.examples.Physician.value.npi = 1234567893;
    });

    expect(findExampleProblems(document)).toContainEqual({
      name: 'getContact 200 response example Physician',
      problems: ['/npi must be string'],
    });
  });

  it('reports a property the request schema does not define', () => {
    const document = brokenSpec((spec) => {
      spec.components.examples.PhysicianCreate.value.emails[0].adress = 'typo@example.org';
    });

    expect(findExampleProblems(document)).toContainEqual({
      name: 'createContact request body example PhysicianCreate',
      problems: ['/emails/0/adress is not a property the schema defines'],
    });
  });

  it('reports a read-only field in a request example', () => {
    const document = brokenSpec((spec) => {
      const update = spec.paths['/contacts/{id}'].put.requestBody.content['application/json'];
      update.schema = { $ref: '#/components/schemas/Contact' };
      spec.components.examples.PhysicianUpdate.value.id = 1024;
    });

    const problem = findExampleProblems(document).find(
      ({ name }) => name === 'updateContact request body example PhysicianUpdate',
    );

    expect(problem?.problems).toContain(
      '/id is read-only: only the API sets it, so leave it out of requests',
    );
  });

  it('reports a parameter example outside its pattern', () => {
    const document = brokenSpec((spec) => {
      spec.components.parameters.ContactSort.examples.byName.value = ['lastName:UP'];
    });

    const names = findExampleProblems(document).map((problem) => problem.name);

    expect(names).toContain('listContacts parameter sort[] example byName');
  });

  it('reports a schema example that breaks its own schema', () => {
    const document = brokenSpec((spec) => {
      spec.components.schemas.Npi.examples = ['12345'];
    });

    expect(findExampleProblems(document)).toContainEqual({
      name: 'schema Npi example 1',
      problems: ['(root) must match pattern "^[0-9]{10}$"'],
    });
  });

  it('accepts the spec as it is', () => {
    expect(findExampleProblems(bundledSpec)).toEqual([]);
  });
});
