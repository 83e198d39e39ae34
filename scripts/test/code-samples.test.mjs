import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { buildCurlSample, buildPathAndQuery, quoteForShell } from '../samples/curl-sample.mjs';
import { listSampleOperations, resolve } from '../samples/operations.mjs';
import { encodeQueryValue, formatQuery } from '../samples/query-string.mjs';
import { buildTypeScriptSample } from '../samples/typescript-sample.mjs';

const prettierConfigFile = fileURLToPath(new URL('../../package.json', import.meta.url));

/** Builds a small document with references, bracket names, bodies and a 204 response. */
function fixture() {
  return {
    openapi: '3.1.0',
    servers: [{ url: 'https://api.example.test' }],
    tags: [{ name: 'Contacts' }, { name: 'Creatives' }],
    paths: {
      '/contacts': {
        get: {
          operationId: 'listContacts',
          tags: ['Contacts'],
          summary: 'List contacts',
          parameters: [
            { $ref: '#/components/parameters/ContactFields' },
            { name: 'page', in: 'query', schema: { type: 'integer', default: 1 } },
          ],
          responses: { 200: { description: 'OK' } },
        },
        post: {
          operationId: 'createContact',
          tags: ['Contacts'],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                examples: {
                  First: { $ref: '#/components/examples/ContactCreate' },
                  Second: { value: { source: 2 } },
                },
              },
            },
          },
          responses: { 201: { description: 'Created' }, 400: { description: 'Bad' } },
        },
      },
      '/contacts/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, example: 1 }],
        delete: {
          operationId: 'deleteContact',
          tags: ['Contacts'],
          parameters: [{ name: 'id', in: 'path', required: true, example: 1024 }],
          responses: { 204: { description: 'Deleted' } },
        },
      },
      '/creatives/banners/{id}': {
        get: {
          operationId: 'getBanner',
          tags: ['Creatives'],
          parameters: [{ $ref: '#/components/parameters/CreativeId' }],
          responses: { 200: { description: 'OK' } },
        },
      },
    },
    components: {
      parameters: {
        ContactFields: {
          name: 'fields[]',
          in: 'query',
          style: 'form',
          explode: true,
          schema: { type: 'array', items: { type: 'string' } },
          examples: { names: { value: ['firstName', 'lastName'] } },
        },
        CreativeId: {
          name: 'id',
          in: 'path',
          required: true,
          examples: { emailMessage: { value: 4101 }, banner: { value: 5201 } },
        },
      },
      examples: { ContactCreate: { value: { source: 12, firstName: "O'Brien" } } },
    },
  };
}

function operation(id) {
  const found = listSampleOperations(fixture()).find((entry) => entry.operationId === id);
  assert.ok(found, `no operation ${id} in the fixture`);
  return found;
}

describe('listSampleOperations', () => {
  it('lists every operation with method, path and tag', () => {
    const rows = listSampleOperations(fixture()).map(({ operationId, method, path, tag }) => [
      operationId,
      method,
      path,
      tag,
    ]);
    assert.deepEqual(rows, [
      ['listContacts', 'GET', '/contacts', 'Contacts'],
      ['createContact', 'POST', '/contacts', 'Contacts'],
      ['deleteContact', 'DELETE', '/contacts/{id}', 'Contacts'],
      ['getBanner', 'GET', '/creatives/banners/{id}', 'Creatives'],
    ]);
  });

  it('lets operation parameters override path parameters', () => {
    const ids = operation('deleteContact').parameters.filter((p) => p.name === 'id');
    assert.deepEqual(
      ids.map((p) => p.value),
      [1024],
    );
  });

  it('picks the named example matching the operationId', () => {
    assert.equal(operation('getBanner').parameters[0]?.value, 5201);
  });

  it('takes the first named example of a referenced body', () => {
    assert.deepEqual(operation('createContact').body, { source: 12, firstName: "O'Brien" });
  });

  it('keeps a parameter without example, with its default', () => {
    const page = operation('listContacts').parameters.find((p) => p.name === 'page');
    assert.equal(page?.value, undefined);
    assert.equal(page?.defaultValue, 1);
  });

  it('takes the lowest 2xx as success status', () => {
    assert.equal(operation('createContact').successStatus, 201);
    assert.equal(operation('deleteContact').successStatus, 204);
  });

  it('rejects a required parameter without example', () => {
    const document = fixture();
    document.paths['/contacts/{id}'].delete.parameters = [
      { name: 'id', in: 'path', required: true },
    ];
    assert.throws(
      () => listSampleOperations(document),
      /Parameter id of deleteContact is required but has no example/,
    );
  });

  it('rejects a required body without example', () => {
    const document = fixture();
    document.paths['/contacts'].post.requestBody.content['application/json'].examples = {};
    assert.throws(
      () => listSampleOperations(document),
      /request body of createContact is required but has no named example/,
    );
  });
});

describe('resolve', () => {
  it('rejects a reference to another file', () => {
    assert.throws(() => resolve({}, { $ref: './other.yaml' }), /only local references/);
  });

  it('rejects a reference cycle', () => {
    const document = { a: { $ref: '#/b' }, b: { $ref: '#/a' } };
    assert.throws(() => resolve(document, { $ref: '#/a' }), /cycle/);
  });

  it('rejects a dangling reference', () => {
    assert.throws(() => resolve({}, { $ref: '#/components/x' }), /nothing in the document/);
  });
});

describe('query strings', () => {
  for (const [value, expected] of [
    ['lastName:ASC', 'lastName:ASC'],
    ['jane.rivera@example.org', 'jane.rivera@example.org'],
    ['a&b=c', 'a%26b%3Dc'],
    ['two words', 'two%20words'],
    ['50%', '50%25'],
    ['#hash', '%23hash'],
  ]) {
    it(`encodes ${JSON.stringify(value)}`, () => {
      assert.equal(encodeQueryValue(value), expected);
    });
  }

  it('rejects a name that needs encoding', () => {
    assert.throws(() => formatQuery([['a&b', '1']]), /Invalid query parameter name "a&b"/);
  });
});

describe('cURL sample', () => {
  it('repeats bracket parameters', () => {
    assert.equal(
      buildPathAndQuery(operation('listContacts')),
      '/contacts?fields[]=firstName&fields[]=lastName',
    );
  });

  it('fills path parameters', () => {
    assert.equal(buildPathAndQuery(operation('deleteContact')), '/contacts/1024');
  });

  it('reads the base URL and credentials from the environment', () => {
    const sample = buildCurlSample(operation('listContacts'));
    assert.match(sample, /^curl -g "\$PULSE_BASE_URL"'\/contacts\?fields\[\]=firstName/);
    assert.match(sample, /-H "Authorization: API-TOKEN \$PULSE_API_TOKEN"/);
    assert.match(sample, /-H "X-Account: \$PULSE_ACCOUNT_ID"/);
    assert.doesNotMatch(sample, / -X /);
  });

  it('sends a body as JSON', () => {
    const sample = buildCurlSample(operation('createContact'));
    assert.match(sample, /^curl -g -X POST /);
    assert.match(sample, /-H 'Content-Type: application\/json'/);
    assert.match(sample, /--data '\{\n {2}"source": 12,/);
  });

  it('quotes text so bash passes it unchanged', () => {
    const text = `it's "$HOME" & [brackets] \`cmd\` \\ !`;
    const output = execFileSync('bash', ['-c', `printf %s ${quoteForShell(text)}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assert.equal(output.toString(), text);
  });
});

describe('TypeScript sample', () => {
  const options = { defaultBaseUrl: 'https://api.example.test', prettierConfigFile };

  it('makes the typed call with path parameters', async () => {
    const sample = await buildTypeScriptSample(operation('getBanner'), options);
    assert.match(sample, /^import \{ createPulseClient \} from '@pulse-engagement\/client';/);
    assert.match(sample, /process\.env\.PULSE_BASE_URL \?\? 'https:\/\/api\.example\.test'/);
    assert.match(sample, /const \{ data \} = await pulse\.GET\('\/creatives\/banners\/\{id\}', \{/);
    assert.match(sample, /params: \{ path: \{ id: 5201 \} \}/);
    assert.match(sample, /\nconsole\.log\(data\);\n$/);
  });

  it('quotes bracket query names', async () => {
    const sample = await buildTypeScriptSample(operation('listContacts'), options);
    assert.match(sample, /'fields\[\]': \['firstName', 'lastName'\]/);
  });

  it('logs nothing for a 204', async () => {
    const sample = await buildTypeScriptSample(operation('deleteContact'), options);
    assert.match(sample, /^await pulse\.DELETE\('\/contacts\/\{id\}'/m);
    assert.doesNotMatch(sample, /console\.log/);
  });

  it('omits the init for a call without parameters', async () => {
    const document = fixture();
    document.paths['/contacts'].get.parameters = [];
    const [listContacts] = listSampleOperations(document);
    assert.ok(listContacts);
    const sample = await buildTypeScriptSample(listContacts, options);
    assert.match(sample, /await pulse\.GET\('\/contacts'\);/);
  });
});
