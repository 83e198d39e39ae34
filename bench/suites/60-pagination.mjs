// Memory and time of iterating a large contact list with the client's `paginate`, against the
// stateful mock in a child process. The iteration runs in a second child with `--expose-gc`,
// which samples its heap after a forced garbage collection every few pages. The mock's own
// seeding time is measured apart, because it does not scale linearly with the count.
import { fileURLToPath } from 'node:url';
import { defaultPageLimit } from '@pulse-engagement/client';
import { plural, table } from '../lib/markdown.mjs';
import { runWorker, spawnNode, stopChild, waitForMessage } from '../lib/node-child.mjs';
import { pageLimitSchema, readBundledSpec } from '../lib/spec.mjs';
import { median, percentile } from '../lib/stats.mjs';

export const name = 'pagination';
export const title = 'Pagination memory';

const mockScript = fileURLToPath(new URL('../workers/stateful-mock.mjs', import.meta.url));
const paginateScript = fileURLToPath(new URL('../workers/paginate.mjs', import.meta.url));

const MIB = 1024 * 1024;
// The heap counts as flat when every sample stays within this distance of the start. Keeping
// every parsed contact would exceed it after about 13,000 contacts, because one of the seeded
// contacts takes about 330 bytes of heap in Node 20 (measured with JSON.parse and global.gc).
const MAX_HEAP_GROWTH_BYTES = 4 * MIB;
const TARGET_SAMPLES = 50;
const settings = {
  full: { contacts: 100_000, seedCounts: [0, 1_000, 2_000, 4_000] },
  quick: { contacts: 2_000, seedCounts: [0, 250, 500] },
};
// Page size when the spec sets no maximum for `limit`. The mock copies every stored contact
// for each list request, whatever the page size, so requests of 100 contacts, the client's
// default, would make the mock copy 100,000 contacts 1,000 times. Pages of 1,000 make that
// 100 times, and one page is still about 1 MB of JSON.
const LIMIT_WITHOUT_MAXIMUM = 1_000;
// Generous bounds. On a 2-core machine under a load average near 20, 100 pages of 1,000 took
// 5.5 minutes, and 1,000 pages of 100 did not finish in 40.
const PAGINATE_TIMEOUT_MS = { full: 40 * 60_000, quick: 2 * 60_000 };
const MOCK_START_TIMEOUT_MS = 5 * 60_000;

export async function run({ quick, log, rootDir }) {
  const mode = quick ? 'quick' : 'full';
  const config = settings[mode];
  const limitSchema = pageLimitSchema(readBundledSpec(rootDir), '/contacts');
  const limit = limitSchema.maximum ?? LIMIT_WITHOUT_MAXIMUM;
  const pages = Math.ceil(config.contacts / limit);
  const sampleEveryPages = Math.max(1, Math.floor(pages / TARGET_SAMPLES));

  log(`seeding the mock with ${config.contacts} contacts`);
  const mock = await startMock(config.contacts);
  let iteration;
  let seeding;
  try {
    log(`iterating ${config.contacts} contacts with limit ${limit}`);
    iteration = await runWorker(paginateScript, {
      args: [mock.url, String(limit), String(config.contacts), String(sampleEveryPages)],
      execArgv: ['--expose-gc'],
      timeoutMs: PAGINATE_TIMEOUT_MS[mode],
      label: 'the pagination worker',
      onMessage: (message) => {
        // Logs about ten progress lines, so that a long run shows that it moves.
        const every = Math.max(1, Math.round(pages / 10));
        if (message?.type === 'progress' && message.page > 0 && message.page % every === 0) {
          log(`${message.items} contacts after ${plural(message.page, 'page')}`);
        }
      },
    });

    log(`timing the mock's start with ${config.seedCounts.join(', ')} contacts with an email each`);
    const reply = waitForMessage(mock.child, 'seeding', MOCK_START_TIMEOUT_MS, 'the stateful mock');
    mock.child.send({ type: 'time-seeding', counts: config.seedCounts });
    seeding = (await reply).results;
  } finally {
    await stopChild(mock.child);
  }

  const memory = analyzeHeap(iteration.samples);
  const met = memory.maxGrowth < MAX_HEAP_GROWTH_BYTES;
  return {
    markdown:
      describe({ config, limit, limitSchema, sampleEveryPages, iteration, memory, met }) +
      describeSeeding(mock, config.contacts, seeding),
    summary: `${iteration.items.toLocaleString('en-US')} contacts in ${iteration.requests} requests, heap growth ${mebibytes(memory.endGrowth)} (largest ${mebibytes(memory.maxGrowth)})`,
    target: { goal: `heap within ${mebibytes(MAX_HEAP_GROWTH_BYTES)} of its start`, met },
  };
}

/** Starts the stateful mock with `count` generated contacts and waits until it listens. */
async function startMock(count) {
  const child = spawnNode(mockScript, { args: [String(count)] });
  try {
    const ready = await waitForMessage(child, 'ready', MOCK_START_TIMEOUT_MS, 'the stateful mock');
    return { child, ...ready };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/**
 * Returns the heap before the first request, after the first page (the start), at its peak
 * and at the end, and the growth over the start at the end and at most, in bytes. The start is
 * taken after the first page because the first request loads Node's fetch and runs the
 * client's code for the first time, which allocates once. The slope is a least-squares fit of
 * the heap against the number of contacts iterated from the start on, in bytes per contact.
 */
function analyzeHeap(samples) {
  const before = samples[0].heapUsed;
  const measured = samples.slice(1);
  const start = measured[0].heapUsed;
  const end = measured.at(-1).heapUsed;
  const peak = Math.max(...measured.map((sample) => sample.heapUsed));
  const growths = measured.map((sample) => Math.abs(sample.heapUsed - start));
  const meanItems = measured.reduce((sum, sample) => sum + sample.items, 0) / measured.length;
  const meanHeap = measured.reduce((sum, sample) => sum + sample.heapUsed, 0) / measured.length;
  let covariance = 0;
  let variance = 0;
  for (const sample of measured) {
    covariance += (sample.items - meanItems) * (sample.heapUsed - meanHeap);
    variance += (sample.items - meanItems) ** 2;
  }
  return {
    before,
    start,
    end,
    peak,
    endGrowth: end - start,
    maxGrowth: Math.max(...growths),
    bytesPerContact: variance === 0 ? 0 : covariance / variance,
  };
}

function formatDuration(ms) {
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} minutes`;
  return `${(ms / 3_600_000).toFixed(1)} hours`;
}

function mebibytes(bytes) {
  return `${(bytes / MIB).toFixed(2)} MiB`;
}

function describe({ config, limit, limitSchema, sampleEveryPages, iteration, memory, met }) {
  const limitSource =
    limitSchema.maximum === undefined
      ? `The spec sets no maximum for \`limit\` (its default is ${limitSchema.default}), so any
size is valid. The benchmark uses ${limit.toLocaleString('en-US')}, where the client's default is
${defaultPageLimit}, because the mock copies every stored contact for each list request, whatever
the page size.`
      : `That is the maximum the spec allows for \`limit\`.`;
  const seconds = iteration.wallMs / 1000;
  const timeRows = [
    ['Contacts iterated', iteration.items.toLocaleString('en-US')],
    ['Requests', iteration.requests.toLocaleString('en-US')],
    ['Wall time', `${seconds.toFixed(1)} s (${Math.round(iteration.items / seconds)} contacts/s)`],
    ['Of which forced garbage collections', `${(iteration.gcMs / 1000).toFixed(1)} s`],
    [
      'Request duration, median and p99',
      `${median(iteration.requestMs).toFixed(0)} ms, ${percentile(iteration.requestMs, 99).toFixed(0)} ms`,
    ],
  ];
  const memoryRows = [
    ['Before the first request', mebibytes(memory.before)],
    ['Start (after the first page)', mebibytes(memory.start)],
    ['Peak', mebibytes(memory.peak)],
    ['End (after the last page)', mebibytes(memory.end)],
    ['Growth at the end', mebibytes(memory.endGrowth)],
    ['Largest distance from the start', mebibytes(memory.maxGrowth)],
    ['Fitted slope', `${memory.bytesPerContact.toFixed(1)} bytes per contact`],
  ];
  const verdict = met
    ? 'met'
    : `**missed** by ${mebibytes(memory.maxGrowth - MAX_HEAP_GROWTH_BYTES)}`;
  return `
\`pulse.paginate('/contacts', { params: { query: { limit: ${limit} } } })\` iterates every
contact of the stateful mock, which runs in a child process on 127.0.0.1 seeded with
${config.contacts.toLocaleString('en-US')} contacts (\`seedData\` with \`examples: false\`). Each
contact is the spec's \`GET /contacts/{id}\` example with its own id, last name and NPI, and
without email addresses, locations and phone numbers, because seeding those takes time that
grows with the square of the count (below). ${limitSource} The iteration runs in a second
child process, started with \`--expose-gc\`, which checks that the ids come in order without
gaps, and samples \`process.memoryUsage().heapUsed\` after \`global.gc()\` before the first
request, after the first page, every ${plural(sampleEveryPages, 'page')} and after the last:
${iteration.samples.length} samples. The first request loads Node's \`fetch\` and runs the
client's code for the first time, so the heap after the first page is the start.

${table(['Iteration', 'Result'], timeRows)}

The request durations are those that the client's \`onResponse\` hook reports. They are mostly
the mock's time, which grows with the number of stored contacts, because it copies every
contact of the list before it applies \`page\` and \`limit\`.

${table(['Heap used after GC', 'Value'], memoryRows)}

Target: the heap stays flat, which here means that no sample from the start on is more than
${mebibytes(MAX_HEAP_GROWTH_BYTES)} away from the start, whatever the number of contacts:
${verdict}. If the iteration kept the contacts, the heap would grow by their parsed size, about
330 bytes each in Node 20, and the fitted slope would show it.
`;
}

function describeSeeding(mock, contacts, seeding) {
  const [base, ...seeded] = seeding;
  const rows = seeding.map(({ count, startMs }) => [
    count.toLocaleString('en-US'),
    `${(startMs / 1000).toFixed(1)} s`,
    count === 0 ? '—' : `${((startMs - base.startMs) / 1000).toFixed(1)} s`,
  ]);
  const last = seeded.at(-1);
  const previous = seeded.at(-2);
  const lastSeeding = last.startMs - base.startMs;
  const previousSeeding = previous.startMs - base.startMs;
  let growth = `The seeding times are too small to compare against the start without contacts.`;
  if (lastSeeding > 0 && previousSeeding > 0) {
    // Quadratic growth, scaled from the largest measured count.
    const estimateMs = lastSeeding * (contacts / last.count) ** 2;
    growth = `Going from ${previous.count.toLocaleString('en-US')} to ${last.count.toLocaleString('en-US')}
contacts (${(last.count / previous.count).toFixed(1)}×) multiplied the seeding time by
${(lastSeeding / previousSeeding).toFixed(1)}. If it grows with the square of the count,
${contacts.toLocaleString('en-US')} contacts with an email address each would take about
${formatDuration(estimateMs)} to seed, an estimate scaled from the largest count, not a
measurement.`;
  }
  return `
### Seeding the mock

\`startMockServer\` with ${contacts.toLocaleString('en-US')} contacts without sub-resources took
${(mock.startMs / 1000).toFixed(1)} s, and building the seed data ${(mock.buildMs / 1000).toFixed(1)} s.
With one email address per contact, the mock's seed check compares each address id with
those of every other stored contact, so the seeding time grows with the square of the count.
Start times of the mock with contacts that have one email address each, in the mock's process
after one unmeasured start, one run each:

${table(['Contacts', 'startMockServer', 'Above the start without contacts'], rows)}

${growth}
`;
}
