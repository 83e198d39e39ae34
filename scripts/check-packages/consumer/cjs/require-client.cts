// A CommonJS user's program, compiled with "module": "node20" and run by
// scripts/check-packages.mjs. It loads the ESM-only packages with require(), which every
// Node.js version in their `engines` supports.
import assert = require('node:assert/strict');
import client = require('@pulse-engagement/client');
import mock = require('@pulse-engagement/mock');

assert.equal(typeof client.createPulseClient, 'function');
assert.equal(typeof mock.startMockServer, 'function');
assert.equal(
  client.apiVersion,
  process.env.PULSE_EXPECTED_API_VERSION,
  'apiVersion of the packed client must equal info.version of spec/openapi.yaml',
);

// require() and import() must return the same module instance. A second copy of the client
// would have its own PulseError class, so `instanceof` checks would fail across the two.
import('@pulse-engagement/client')
  .then((imported) => {
    assert.equal(imported.PulseError, client.PulseError, 'one PulseError class');
    process.stdout.write(
      `require() loaded the client and the mock (API version ${client.apiVersion}).\n`,
    );
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
