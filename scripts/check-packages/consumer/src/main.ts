// A user's program, run by scripts/check-packages.mjs in a project outside the workspace that
// installed the packed tarballs. It starts the packed mock, calls it through the packed client
// and exits non-zero on the first failed assertion. PULSE_EXPECTED_API_VERSION carries
// info.version of spec/openapi.yaml.
import assert from 'node:assert/strict';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  apiVersion,
  createPulseClient,
  PulseError,
  PulseNotFoundError,
  type Contact,
} from '@pulse-engagement/client';
import { resolveBundledSpecPath, startMockServer } from '@pulse-engagement/mock';

const projectModules = fileURLToPath(new URL('../node_modules/', import.meta.url));

/** Fails unless `path` is inside this project's node_modules, not in the workspace. */
function assertInstalledHere(label: string, path: string): void {
  assert.ok(path.startsWith(projectModules), `${label} resolved to ${path}, not ${projectModules}`);
}

assertInstalledHere(
  '@pulse-engagement/client',
  fileURLToPath(import.meta.resolve('@pulse-engagement/client')),
);
assertInstalledHere(
  '@pulse-engagement/mock',
  fileURLToPath(import.meta.resolve('@pulse-engagement/mock')),
);
assertInstalledHere('the spec that the mock serves', resolveBundledSpecPath());
assert.ok(resolveBundledSpecPath().endsWith(`${sep}openapi.json`));

assert.equal(
  apiVersion,
  process.env.PULSE_EXPECTED_API_VERSION,
  'apiVersion of the packed client must equal info.version of spec/openapi.yaml',
);

const server = await startMockServer({ host: '127.0.0.1', port: 0 });
try {
  const pulse = createPulseClient({
    baseUrl: server.url,
    apiToken: '00000000-0000-4000-8000-000000000001',
    accountId: '00000000-0000-4000-8000-000000000002',
    retry: { maxRetries: 0 },
  });

  const { data: page } = await pulse.GET('/contacts', {
    params: { query: { 'fields[]': ['lastName'], 'sort[]': ['lastName:ASC'], limit: 2 } },
  });
  assert.ok(Array.isArray(page.items), 'GET /contacts returns items');
  assert.equal(typeof page.totalCount, 'number', 'GET /contacts returns totalCount');

  const { data: contact } = await pulse.GET('/contacts/{id}', { params: { path: { id: 1 } } });
  const typed: Contact = contact;
  assert.equal(typeof typed.id, 'number', 'GET /contacts/{id} returns an id');

  const { data: created, response } = await pulse.POST('/contacts', {
    body: { source: 12, firstName: 'Jane', lastName: 'Rivera' },
  });
  assert.equal(response.status, 201, 'POST /contacts responds 201');
  assert.equal(typeof created.id, 'number', 'POST /contacts returns the new id');

  const notFound = await pulse
    .GET('/contacts/{id}', { params: { path: { id: 1 } }, headers: { Prefer: 'code=404' } })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  assert.ok(notFound instanceof PulseNotFoundError, `a 404 rejects with ${String(notFound)}`);
  assert.ok(notFound instanceof PulseError, 'PulseNotFoundError extends PulseError');
  assert.equal(notFound.status, 404);
  assert.equal(notFound.path, '/contacts/{id}');
} finally {
  await server.close();
}

process.stdout.write(
  `API version ${apiVersion}: a list, a get, a create and a 404 through the packed client passed.\n`,
);
