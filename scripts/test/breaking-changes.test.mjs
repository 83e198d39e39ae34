// Runs the breaking-change comparison on the spec pairs in fixtures/breaking/<case>/, each a
// base.yaml and a head.yaml that differ in one way, and checks every finding's kind,
// operation and JSON Pointer. Also covers the pointer, reference and diff helpers.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diffLines, unifiedDiff } from '../breaking/diff.mjs';
import { findBreakingChanges } from '../breaking/find-breaking-changes.mjs';
import { findingKinds } from '../breaking/kinds.mjs';
import { InputError, loadSpec, readMajorVersion, resolveRef } from '../breaking/load.mjs';
import { appendPointer, escapeToken, getAtPointer, parsePointer } from '../breaking/pointer.mjs';
import { viewSchema } from '../breaking/schema-view.mjs';

const fixtures = fileURLToPath(new URL('fixtures/breaking/', import.meta.url));

async function compareFixture(name) {
  const base = await loadSpec(`${fixtures}${name}/base.yaml`, 'base', '');
  const head = await loadSpec(`${fixtures}${name}/head.yaml`, 'head', '');
  return findBreakingChanges(base, head).map(({ severity, kind, operation, role, pointer }) => ({
    severity,
    kind,
    operation,
    role,
    pointer,
  }));
}

function breaking(kind, operation, role, pointer) {
  return { severity: 'breaking', kind, operation, role, pointer };
}

function warning(kind, operation, role, pointer) {
  return { severity: 'warning', kind, operation, role, pointer };
}

const isPrimary = '/components/schemas/ContactEmail/properties/isPrimary';
const patientsPerWeekType = '/components/schemas/ContactInput/properties/patientsPerWeek/type';
const contactIdType = '/components/schemas/Contact/allOf/1/properties/id/type';

// Each case's findings, in the order of the base spec's operations.
const expectedFindings = {
  'removed-operation': [
    breaking(
      'removed-operation',
      'DELETE /contacts/{id}',
      'base',
      '/paths/~1contacts~1{id}/delete',
    ),
  ],
  'removed-parameter': [
    breaking('removed-parameter', 'GET /contacts', 'base', '/paths/~1contacts/get/parameters/1'),
  ],
  'removed-response-field': [
    breaking('removed-response-field', 'GET /contacts', 'base', isPrimary),
    breaking('removed-response-field', 'POST /contacts', 'base', isPrimary),
    breaking('removed-response-field', 'GET /contacts/{id}', 'base', isPrimary),
  ],
  'pointer-escaping': [
    breaking(
      'removed-response-field',
      'GET /dosing',
      'base',
      '/components/schemas/Dosing/properties/dose~0mg~1kg',
    ),
  ],
  'recursive-schema': [
    breaking(
      'removed-response-field',
      'GET /segments/{id}',
      'base',
      '/components/schemas/Segment/properties/name',
    ),
  ],
  'new-required-request-field': [
    breaking(
      'new-required-request-field',
      'POST /contacts',
      'head',
      '/components/schemas/ContactCreate/required/1',
    ),
  ],
  'optional-field-now-required': [
    breaking(
      'new-required-request-field',
      'POST /contacts',
      'head',
      '/components/schemas/ContactCreate/required/1',
    ),
  ],
  'new-required-parameter': [
    breaking(
      'new-required-parameter',
      'GET /contacts',
      'head',
      '/paths/~1contacts/get/parameters/2',
    ),
  ],
  'optional-parameter-now-required': [
    breaking(
      'new-required-parameter',
      'GET /contacts',
      'head',
      '/components/parameters/Limit/required',
    ),
  ],
  'changed-type-parameter': [
    breaking(
      'changed-type',
      'GET /contacts/{id}',
      'head',
      '/components/parameters/ContactId/schema/type',
    ),
    breaking(
      'changed-type',
      'DELETE /contacts/{id}',
      'head',
      '/components/parameters/ContactId/schema/type',
    ),
  ],
  'changed-type-request-property': [
    breaking('changed-type', 'GET /contacts', 'head', patientsPerWeekType),
    breaking('changed-type', 'POST /contacts', 'head', patientsPerWeekType),
    breaking('changed-type', 'GET /contacts/{id}', 'head', patientsPerWeekType),
  ],
  'changed-type-response-property': [
    breaking('changed-type', 'GET /contacts', 'head', contactIdType),
    breaking('changed-type', 'POST /contacts', 'head', contactIdType),
    breaking('changed-type', 'GET /contacts/{id}', 'head', contactIdType),
  ],
  'changed-type-nullable-removed': [
    breaking(
      'changed-type',
      'POST /contacts',
      'head',
      '/components/schemas/ContactCreate/properties/middleName/type',
    ),
  ],
  'nullable-removed-openapi-3-0': [
    breaking(
      'changed-type',
      'POST /contacts',
      'head',
      '/paths/~1contacts/post/requestBody/content/application~1json/schema/properties/middleName/type',
    ),
  ],
  'changed-type-format-narrowed': [
    breaking(
      'changed-type',
      'POST /contacts',
      'head',
      '/components/schemas/ContactCreate/properties/birthDate/format',
    ),
  ],
  'narrowed-request-enum-parameter': [
    breaking(
      'narrowed-request-enum',
      'GET /action-codes',
      'base',
      '/paths/~1action-codes/get/parameters/0/schema/enum/1',
    ),
  ],
  'narrowed-request-enum-body': [
    breaking(
      'narrowed-request-enum',
      'POST /action-codes',
      'base',
      '/components/schemas/Tactic/enum/2',
    ),
  ],
  'removed-status-code': [
    breaking(
      'removed-status-code',
      'GET /contacts/{id}',
      'base',
      '/paths/~1contacts~1{id}/get/responses/404',
    ),
  ],
  'removed-request-field': [
    breaking(
      'removed-request-field',
      'POST /contacts',
      'base',
      '/components/schemas/ContactInput/properties/fax',
    ),
  ],
  'response-field-optional': [
    breaking(
      'response-field-optional',
      'GET /contacts',
      'base',
      '/components/schemas/Contact/required/1',
    ),
    breaking(
      'response-field-optional',
      'POST /contacts',
      'base',
      '/components/schemas/Contact/required/1',
    ),
    breaking(
      'response-field-optional',
      'GET /contacts/{id}',
      'base',
      '/components/schemas/Contact/required/1',
    ),
  ],
  'narrowed-request-constraint': [
    breaking(
      'narrowed-request-constraint',
      'GET /contacts',
      'head',
      '/components/parameters/Limit/schema/maximum',
    ),
  ],
  'removed-variant': [
    breaking(
      'removed-variant',
      'POST /custom-fields',
      'base',
      '/components/schemas/CustomFieldRequest/oneOf/1',
    ),
  ],
  'removed-media-type': [
    breaking(
      'removed-media-type',
      'POST /contacts',
      'base',
      '/paths/~1contacts/post/requestBody/content/application~1x-www-form-urlencoded',
    ),
  ],
  'new-required-request-body': [
    breaking(
      'new-required-request-body',
      'DELETE /contacts/{id}',
      'head',
      '/paths/~1contacts~1{id}/delete/requestBody/required',
    ),
  ],
  'removed-request-body': [
    breaking(
      'removed-request-body',
      'POST /contacts',
      'base',
      '/paths/~1contacts/post/requestBody',
    ),
  ],
  'removed-response-header': [
    breaking(
      'removed-response-header',
      'GET /contacts/{id}',
      'base',
      '/components/responses/NotFound/headers/X-Request-Id',
    ),
  ],
  'major-raised': [
    breaking('removed-response-field', 'GET /contacts', 'base', isPrimary),
    breaking('removed-response-field', 'POST /contacts', 'base', isPrimary),
    breaking('removed-response-field', 'GET /contacts/{id}', 'base', isPrimary),
    breaking(
      'removed-operation',
      'DELETE /contacts/{id}',
      'base',
      '/paths/~1contacts~1{id}/delete',
    ),
  ],
  'widened-response-enum': [
    warning(
      'widened-response-enum',
      'GET /action-codes',
      'head',
      '/components/schemas/Tactic/enum/2',
    ),
    warning(
      'widened-response-enum',
      'POST /action-codes',
      'head',
      '/components/schemas/Tactic/enum/2',
    ),
  ],
  'added-variant': [
    warning(
      'added-variant',
      'GET /custom-fields',
      'head',
      '/components/schemas/CustomFieldResponse/oneOf/1',
    ),
  ],
  // Changes that break no client.
  'new-optional-request-field': [],
  'new-optional-parameter': [],
  'new-operation': [],
  'new-response-field': [],
  'new-status-code': [],
  'widened-request-enum': [],
  'widened-request-type': [],
  'narrowed-response': [],
};

describe('breaking-change fixtures', () => {
  it('fixture folders match the expected cases', () => {
    assert.deepEqual(readdirSync(fixtures).sort(), Object.keys(expectedFindings).sort());
  });

  it('every finding kind has a fixture', () => {
    const covered = new Set(
      Object.values(expectedFindings).flatMap((findings) => findings.map(({ kind }) => kind)),
    );
    assert.deepEqual([...covered].sort(), Object.keys(findingKinds).sort());
  });

  for (const [name, expected] of Object.entries(expectedFindings)) {
    it(`${name} finds ${expected.length === 0 ? 'nothing' : expected[0].kind}`, async () => {
      assert.deepEqual(await compareFixture(name), expected);
    });
  }

  it('messages name the changed field', async () => {
    const base = await loadSpec(`${fixtures}optional-field-now-required/base.yaml`, 'base', '');
    const head = await loadSpec(`${fixtures}optional-field-now-required/head.yaml`, 'head', '');
    const [finding] = findBreakingChanges(base, head);

    assert.equal(
      finding.message,
      'The request field firstName is now required, so requests without it are rejected.',
    );
  });
});

describe('JSON Pointer helpers', () => {
  it('escapeToken escapes ~ before /', () => {
    assert.equal(escapeToken('dose~mg/kg'), 'dose~0mg~1kg');
    assert.equal(escapeToken('~1'), '~01');
  });

  it('appendPointer escapes each token', () => {
    assert.equal(appendPointer('/paths', '/contacts/{id}', 'get'), '/paths/~1contacts~1{id}/get');
  });

  it('parsePointer decodes ~1 before ~0', () => {
    assert.deepEqual(parsePointer('/a~01/b~1c'), ['a~1', 'b/c']);
    assert.deepEqual(parsePointer(''), []);
  });

  it('getAtPointer returns undefined for a missing path', () => {
    const document = { paths: { '/x': { get: 1 } } };

    assert.equal(getAtPointer(document, '/paths/~1x/get'), 1);
    assert.equal(getAtPointer(document, '/paths/~1y/get'), undefined);
  });
});

describe('reference and schema edge cases', () => {
  const spec = (components) => ({
    document: { openapi: '3.1.0', components },
    path: 'inline.yaml',
    role: 'head',
  });

  it('resolveRef rejects a $ref cycle', () => {
    const cyclic = spec({
      schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } },
    });

    assert.throws(
      () => resolveRef(cyclic, { $ref: '#/components/schemas/A' }, '/x'),
      (error) => error instanceof InputError && /\$ref cycle/.test(error.message),
    );
  });

  it('resolveRef rejects a dangling $ref', () => {
    assert.throws(
      () => resolveRef(spec({}), { $ref: '#/components/schemas/Missing' }, '/x'),
      (error) => error instanceof InputError && /points to nothing/.test(error.message),
    );
  });

  it('resolveRef rejects an external $ref', () => {
    assert.throws(
      () => resolveRef(spec({}), { $ref: 'other.yaml#/A' }, '/x'),
      (error) => error instanceof InputError && /external \$ref/.test(error.message),
    );
  });

  it('viewSchema ends an allOf cycle', () => {
    const cyclic = spec({
      schemas: {
        A: {
          allOf: [{ $ref: '#/components/schemas/B' }],
          properties: { a: { type: 'string' } },
        },
        B: {
          allOf: [{ $ref: '#/components/schemas/A' }],
          properties: { b: { type: 'string' } },
        },
      },
    });
    const view = viewSchema(cyclic, [
      { schema: { $ref: '#/components/schemas/A' }, pointer: '/x' },
    ]);

    assert.deepEqual([...view.properties.keys()].sort(), ['a', 'b']);
  });

  it('viewSchema intersects allOf types and enums', () => {
    const view = viewSchema(spec({}), [
      {
        schema: {
          allOf: [
            { type: ['number', 'null'], enum: [1, 2, 3] },
            { type: 'integer', enum: [2, 3, 4] },
          ],
        },
        pointer: '/x',
      },
    ]);

    assert.deepEqual([...view.types], ['integer']);
    assert.deepEqual(
      view.enumValues.map(({ value }) => value),
      [2, 3],
    );
  });

  it('readMajorVersion rejects a non-semantic version', () => {
    const unversioned = { document: { info: { version: 'latest' } }, path: 'x.yaml', role: 'head' };

    assert.equal(readMajorVersion({ ...unversioned, document: { info: { version: '3.2.1' } } }), 3);
    assert.throws(
      () => readMajorVersion(unversioned),
      (error) => error instanceof InputError && /"latest"/.test(error.message),
    );
  });
});

/** Applies an edit script to `oldLines`, as a check that it turns them into the new lines. */
function applyEdits(oldLines, edits) {
  const result = [];
  let position = 0;
  for (const { type, line } of edits) {
    if (type === '+') {
      result.push(line);
      continue;
    }
    assert.equal(oldLines[position], line, `edit at old line ${position + 1}`);
    position++;
    if (type === ' ') result.push(line);
  }
  assert.equal(position, oldLines.length);
  return result;
}

describe('unified diff', () => {
  it('returns nothing for equal texts', () => {
    assert.equal(unifiedDiff('a\nb\n', 'a\nb\n'), '');
  });

  it('writes hunks like diff -u', () => {
    const oldText = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n') + '\n';
    const newText = ['a', 'B', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n') + '\n';

    assert.equal(
      unifiedDiff(oldText, newText, { oldLabel: 'old.ts', newLabel: 'new.ts' }),
      [
        '--- old.ts',
        '+++ new.ts',
        '@@ -1,5 +1,5 @@',
        ' a',
        '-b',
        '+B',
        ' c',
        ' d',
        ' e',
        '@@ -8,3 +8,4 @@',
        ' h',
        ' i',
        ' j',
        '+k',
        '',
      ].join('\n'),
    );
  });

  it('writes empty and one-line ranges', () => {
    assert.equal(unifiedDiff('a\n', 'b\n'), '--- a\n+++ b\n@@ -1 +1 @@\n-a\n+b\n');
    assert.equal(unifiedDiff('', 'a\n'), '--- a\n+++ b\n@@ -0,0 +1 @@\n+a\n');
  });

  it('merges changes closer than twice the context', () => {
    const oldText = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const newText = 'a\nB\nc\nd\ne\nf\nG\nh\n';

    assert.match(unifiedDiff(oldText, newText), /^@@ -1,8 \+1,8 @@$/m);
  });

  it('diffLines is minimal and reversible', () => {
    // A fixed pseudo-random sequence keeps the cases the same on every run.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const oldLines = Array.from({ length: Math.floor(random() * 30) }, () =>
        String(Math.floor(random() * 5)),
      );
      const newLines = oldLines
        .filter(() => random() > 0.2)
        .flatMap((line) => (random() > 0.8 ? [line, `new ${Math.floor(random() * 3)}`] : [line]));
      const edits = diffLines(oldLines, newLines);

      assert.deepEqual(applyEdits(oldLines, edits), newLines, `round ${round}`);
    }
  });

  it('diffLines finds the shortest script', () => {
    const edits = diffLines(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c']);

    // Myers' paper gives 5 as the edit distance of ABCABBA and CBABAC.
    assert.equal(edits.filter(({ type }) => type !== ' ').length, 5);
  });
});
