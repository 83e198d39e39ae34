// Runs the mock in stateful mode on 127.0.0.1, seeded with generated contacts without
// sub-resources, for the pagination benchmark. It sends `{ type: 'ready', url, buildMs,
// startMs }` over IPC once listening: the time to build the seed data and the time
// `startMockServer` took with it. On `{ type: 'time-seeding', counts }` it starts and stops
// further mocks with that many contacts with one email address each, and replies with
// `{ type: 'seeding', results }`. It stops on SIGTERM.
//   node bench/workers/stateful-mock.mjs COUNT
import { startMockServer } from '@pulse-engagement/mock';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstResponseExample, readBundledSpec } from '../lib/spec.mjs';

const [countArgument] = process.argv.slice(2);
const count = Number(countArgument);
if (!Number.isInteger(count) || count < 0) {
  throw new Error(`Invalid contact count "${countArgument}": pass an integer of 0 or more.`);
}

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { value: example } = firstResponseExample(readBundledSpec(rootDir), '/contacts/{id}');
// The example's own fields, without its email addresses, locations and phone numbers, which
// are sub-resources with ids of their own.
const scalarFields = { ...example };
delete scalarFields.emails;
delete scalarFields.locations;
delete scalarFields.phones;

/**
 * Builds `count` contacts with ids 1 to `count`, each a copy of the spec's example with its own
 * last name and NPI. With `withEmail`, each gets one email address with an id of its own.
 */
function buildContacts(count, withEmail) {
  const contacts = new Array(count);
  for (let id = 1; id <= count; id++) {
    const contact = {
      ...scalarFields,
      id,
      lastName: `Rivera ${id}`,
      npi: String(1_000_000_000 + id),
      customFields: { ...scalarFields.customFields },
    };
    if (withEmail) {
      contact.emails = [
        { id, emailAddress: `contact${id}@example.org`, isDefault: true, isSubscribed: true },
      ];
    }
    contacts[id - 1] = contact;
  }
  return contacts;
}

/** Starts a stateful mock with `seedData` and returns it with the time the start took. */
async function startTimed(seedData) {
  const started = performance.now();
  const server = await startMockServer({ host: '127.0.0.1', port: 0, mode: 'stateful', seedData });
  return { server, startMs: performance.now() - started };
}

/**
 * Starts and stops a mock with each count of contacts with one email address, after one
 * unmeasured start so that every measured start runs warm code, and returns the start times.
 */
async function timeSeeding(counts) {
  const warmUp = await startTimed({ examples: false, contacts: [] });
  await warmUp.server.close();
  const results = [];
  for (const seedCount of counts) {
    const { server: seeded, startMs } = await startTimed({
      examples: false,
      contacts: buildContacts(seedCount, true),
    });
    await seeded.close();
    results.push({ count: seedCount, startMs });
  }
  return results;
}

const built = performance.now();
const seedData = { examples: false, contacts: buildContacts(count, false) };
const buildMs = performance.now() - built;
const { server, startMs } = await startTimed(seedData);
process.send({ type: 'ready', url: server.url, buildMs, startMs });

process.on('message', (message) => {
  if (message?.type !== 'time-seeding') return;
  timeSeeding(message.counts).then(
    (results) => process.send({ type: 'seeding', results }),
    (error) => process.send({ type: 'error', message: error?.stack ?? String(error) }),
  );
});

process.once('SIGTERM', () => {
  server.close().then(() => process.exit(0));
});
