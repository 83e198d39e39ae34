// Per-request overhead of createPulseClient against raw fetch, plain openapi-fetch and axios.
// A keep-alive server in a child process returns one contact. The clients run here, one
// request in flight at a time, interleaved in rounds. When our client misses its target, a
// child run under `node --cpu-prof` shows where its time goes.
import { fileURLToPath } from 'node:url';
import { table } from '../lib/markdown.mjs';
import { spawnNode, stopChild, waitForMessage } from '../lib/node-child.mjs';
import { clientNames, contactId, createRequestFunctions } from '../lib/overhead-clients.mjs';
import { profileClients } from '../lib/profile-clients.mjs';
import { firstResponseExample, readBundledSpec } from '../lib/spec.mjs';
import { formatRatio, median, percentile } from '../lib/stats.mjs';

export const name = 'overhead';
export const title = 'Per-request overhead';

const TARGET_RATIO = 1.05;
const baseline = clientNames[0];
const ours = 'createPulseClient';
const serverScript = fileURLToPath(new URL('../workers/contact-server.mjs', import.meta.url));

const settings = {
  full: { warmup: 200, rounds: 15, requestsPerRound: 400, profileRequests: 20_000 },
  quick: { warmup: 10, rounds: 2, requestsPerRound: 20, profileRequests: 300 },
};
// Upper bound on the whole suite, profiling included. When it passes, the server is stopped,
// which ends any request still waiting, and the suite fails rather than hang.
const MAX_DURATION_MS = { full: 10 * 60_000, quick: 60_000 };
const SERVER_START_TIMEOUT_MS = 30_000;

export async function run({ quick, log, rootDir }) {
  const mode = quick ? 'quick' : 'full';
  const config = settings[mode];
  const example = firstResponseExample(readBundledSpec(rootDir), '/contacts/{id}');
  const server = spawnNode(serverScript);
  const watchdog = setTimeout(() => {
    log(`still running after ${MAX_DURATION_MS[mode] / 1000} s: stopping the server`);
    void stopChild(server);
  }, MAX_DURATION_MS[mode]);
  try {
    const { url } = await waitForMessage(
      server,
      'ready',
      SERVER_START_TIMEOUT_MS,
      'contact server',
    );
    const send = createRequestFunctions(url);
    await warmUp(send, config.warmup);
    log(`measuring ${config.rounds} rounds × ${config.requestsPerRound} requests per client`);
    const samples = await measureRounds(send, config);
    const results = summarize(samples);
    const ourRatio = find(results, ours).ratio;
    const met = ourRatio <= TARGET_RATIO;

    let profile = '';
    if (!met) {
      log(`target missed (${formatRatio(ourRatio)}): profiling with --cpu-prof`);
      profile = await profileClients({ url, rootDir, requests: config.profileRequests });
    }
    return {
      markdown: describe({ results, config, example, ourRatio, met, profile }),
      summary: `createPulseClient ${formatRatio(ourRatio)} raw fetch (median ${micros(find(results, ours).median)} vs ${micros(find(results, baseline).median)})`,
      target: { goal: `at most ${formatRatio(TARGET_RATIO)} raw fetch`, met },
    };
  } finally {
    clearTimeout(watchdog);
    await stopChild(server);
  }
}

/** Sends `count` requests with each client, unmeasured, and checks what each one returns. */
async function warmUp(send, count) {
  for (const client of clientNames) {
    for (let i = 0; i < count; i++) {
      const contact = await send[client]();
      if (contact?.id !== contactId) {
        throw new Error(
          `${client} returned ${JSON.stringify(contact)?.slice(0, 200)} instead of contact ${contactId}.`,
        );
      }
    }
  }
}

/**
 * Runs the measured rounds. In each round, every client sends `requestsPerRound` sequential
 * requests. The
 * order of the clients rotates by one each round, so that none always runs first or last.
 * Returns, per client, the duration of every request in ms, the median of each round, and the
 * CPU time of this process per request in each round.
 */
async function measureRounds(send, { rounds, requestsPerRound }) {
  const samples = new Map(
    clientNames.map((client) => [client, { all: [], roundMedians: [], roundCpu: [] }]),
  );
  for (let round = 0; round < rounds; round++) {
    const order = clientNames.map((_, i) => clientNames[(i + round) % clientNames.length]);
    for (const client of order) {
      const durations = new Array(requestsPerRound);
      const request = send[client];
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < requestsPerRound; i++) {
        const started = performance.now();
        await request();
        durations[i] = performance.now() - started;
      }
      const cpu = process.cpuUsage(cpuBefore);
      const entry = samples.get(client);
      entry.all.push(...durations);
      entry.roundMedians.push(median(durations));
      // process.cpuUsage() counts µs; the samples are in ms like the durations.
      entry.roundCpu.push((cpu.user + cpu.system) / 1000 / requestsPerRound);
    }
  }
  return samples;
}

function summarize(samples) {
  const baselineSamples = samples.get(baseline);
  const baselineMedian = median(baselineSamples.all);
  const baselineCpu = median(baselineSamples.roundCpu);
  return clientNames.map((client) => {
    const { all, roundMedians, roundCpu } = samples.get(client);
    const roundRatios = roundMedians.map((value, round) => {
      return value / baselineSamples.roundMedians[round];
    });
    return {
      client,
      median: median(all),
      p99: percentile(all, 99),
      ratio: median(all) / baselineMedian,
      roundRatioMin: Math.min(...roundRatios),
      roundRatioMax: Math.max(...roundRatios),
      cpu: median(roundCpu),
      cpuRatio: median(roundCpu) / baselineCpu,
    };
  });
}

function find(results, client) {
  return results.find((result) => result.client === client);
}

function micros(ms) {
  return `${Math.round(ms * 1000)} µs`;
}

function describe({ results, config, example, ourRatio, met, profile }) {
  const bodyBytes = Buffer.byteLength(JSON.stringify(example.value));
  const rows = results.map((result) => [
    result.client,
    micros(result.median),
    micros(result.p99),
    formatRatio(result.ratio),
    `${formatRatio(result.roundRatioMin)} to ${formatRatio(result.roundRatioMax)}`,
    `${micros(result.cpu)} (${formatRatio(result.cpuRatio)})`,
  ]);
  const verdict = met
    ? `met: ${formatRatio(ourRatio)}.`
    : `**missed** by ${((ourRatio / TARGET_RATIO - 1) * 100).toFixed(1)} %: ${formatRatio(ourRatio)}.`;
  return `
Time per request of \`GET /contacts/{id}\`, from calling the client to holding the parsed
body. A keep-alive \`node:http\` server in a child process on 127.0.0.1 returns the spec's
\`${example.name}\` example (${bodyBytes} bytes of JSON). The clients run in the benchmark
process, one request in flight at a time, each sending \`Authorization\` and \`X-Account\`:

- **raw fetch**: Node's global \`fetch\`, then \`response.json()\`.
- **openapi-fetch**: its \`createClient\`, the runtime that our client wraps, with the same
  headers. The generated \`paths\` type it in TypeScript and cost nothing at run time.
- **createPulseClient**: our client with its defaults of 2 retries and a 30 s time limit per
  attempt, a no-op hook on each of \`onRequest\`, \`onResponse\`, \`onRetry\` and \`onError\`,
  and a logger at level \`warn\`, which drops the \`debug\` lines that a successful call logs.
- **axios**: \`axios.create\` with an \`http.Agent\` with \`keepAlive: true\`.

Each client first sends ${config.warmup} unmeasured requests, and each response is checked.
Then ${config.rounds} rounds follow, in each of which every client sends
${config.requestsPerRound} requests, the order of the clients rotating each round:
${config.rounds * config.requestsPerRound} samples per client. The ratio is the median of
all samples over raw fetch's, and the per-round ratio is the same ratio within each round.
CPU is this process's user and system CPU time per request, the median over the rounds, with
its ratio to raw fetch's. It leaves out time spent waiting for the server or for a core, so it
varies less than the durations on a shared machine.

${table(['Client', 'Median', 'p99', 'Ratio to raw fetch', 'Per-round ratio', 'CPU per request'], rows)}

Target: createPulseClient at most ${formatRatio(TARGET_RATIO)} raw fetch, ${verdict}
${profile}`;
}
