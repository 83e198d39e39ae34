// Iterates every contact of a mock with the client's `paginate`, sampling this process's heap
// after a forced garbage collection every few pages, for the pagination benchmark. Needs
// `--expose-gc`. Sends `{ type: 'progress', page, items }` with each sample, and the counts,
// times and samples as `{ type: 'result', ... }` over IPC.
//   node --expose-gc bench/workers/paginate.mjs URL LIMIT EXPECTED_COUNT SAMPLE_EVERY_PAGES
import { createPulseClient } from '@pulse-engagement/client';
import { reportToParent } from '../lib/node-child.mjs';

const [baseUrl, limit, expectedCount, sampleEveryPages] = process.argv
  .slice(2, 6)
  .map((value, i) => {
    return i === 0 ? value : Number(value);
  });

/** Forces a full garbage collection and returns the heap in use, with the time it took. */
function sampleHeap() {
  const started = performance.now();
  global.gc();
  return { heapUsed: process.memoryUsage().heapUsed, gcMs: performance.now() - started };
}

await reportToParent(async () => {
  if (typeof global.gc !== 'function') {
    throw new Error('global.gc is missing: run this worker with node --expose-gc.');
  }
  const requestMs = [];
  const pulse = createPulseClient({
    baseUrl,
    accountId: '00000000-0000-4000-8000-000000000002',
    apiToken: '00000000-0000-4000-8000-000000000001',
    hooks: { onResponse: (event) => requestMs.push(event.durationMs) },
  });

  const samples = [];
  let gcMs = 0;
  const record = (page, items) => {
    const sample = sampleHeap();
    gcMs += sample.gcMs;
    samples.push({ page, items, heapUsed: sample.heapUsed });
    process.send({ type: 'progress', page, items });
  };

  record(0, 0);
  const started = performance.now();
  let items = 0;
  let lastId = 0;
  for await (const contact of pulse.paginate('/contacts', { params: { query: { limit } } })) {
    // The mock lists contacts by ascending id, so a repeated or skipped contact shows here.
    if (contact.id !== lastId + 1) {
      throw new Error(`Contact ${lastId + 1} was expected after ${lastId}, got ${contact.id}.`);
    }
    lastId = contact.id;
    items++;
    // The first page's sample is the baseline, because the first request loads Node's fetch.
    if (items === limit || items % (limit * sampleEveryPages) === 0) record(items / limit, items);
  }
  const wallMs = performance.now() - started;
  if (items !== expectedCount) {
    throw new Error(
      `paginate yielded ${items} contacts, but the mock contains ${expectedCount}. ` +
        'Check where paginate stops against totalCount.',
    );
  }
  if (samples.at(-1).items !== items) record(Math.ceil(items / limit), items);
  return { items, requests: requestMs.length, wallMs, gcMs, requestMs, samples };
});
