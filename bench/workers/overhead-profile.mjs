// Sends sequential requests with one client of the overhead benchmark, for a run under
// `node --cpu-prof`. The profile covers the whole process, so the run is long enough for
// start-up to be a small part of it.
//   node --cpu-prof --cpu-prof-dir=DIR bench/workers/overhead-profile.mjs URL CLIENT COUNT
import { clientNames, createRequestFunctions } from '../lib/overhead-clients.mjs';
import { reportToParent } from '../lib/node-child.mjs';

const [baseUrl, clientName, countArgument] = process.argv.slice(2);
const count = Number(countArgument);

await reportToParent(async () => {
  if (!clientNames.includes(clientName)) {
    throw new Error(`Unknown client "${clientName}". Pass one of: ${clientNames.join(', ')}.`);
  }
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`Invalid request count "${countArgument}": pass an integer of 1 or more.`);
  }
  const send = createRequestFunctions(baseUrl)[clientName];
  const started = performance.now();
  for (let i = 0; i < count; i++) await send();
  return { requests: count, elapsedMs: performance.now() - started };
});
