// Throughput and latency of the Pulse mock against a trivial node:http server, each in its own
// child process, under the same load from a separate load-generator process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestChild, startChild, stopChild } from '../lib/child-process.mjs';
import { summarizeCpuProfile } from '../lib/cpu-profile.mjs';
import { plural, table } from '../lib/markdown.mjs';
import { contactRequestMix, credentialHeaders, readBundledSpec } from '../lib/spec-requests.mjs';
import { formatRatio, median, percentile } from '../lib/stats.mjs';

export const name = 'mock';
export const title = 'Mock server throughput';

const libDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lib');
const serverScript = path.join(libDir, 'server-child.mjs');
const loadScript = path.join(libDir, 'load-generator.mjs');

/** Load per run. A run stops at `requests` or after `maxSeconds`, whichever comes first. */
const SIZES = {
  full: { concurrency: 8, warmupRequests: 300, rounds: 5, requests: 2000, maxSeconds: 10 },
  quick: { concurrency: 8, warmupRequests: 20, rounds: 1, requests: 100, maxSeconds: 3 },
};

/** The servers, in the order each round loads them. The first is the baseline of the ratios. */
const SERVERS = [
  { kind: 'trivial', label: 'node:http, fixed JSON contact' },
  { kind: 'static', label: 'Pulse mock, static mode' },
  { kind: 'stateful', label: 'Pulse mock, stateful mode' },
];

/**
 * A mock mode is profiled when its p99 latency is more than this many times the baseline's.
 * Quick mode profiles static mode whatever its p99, so that CI runs the profiling code.
 */
const FAR_OFF_P99_RATIO = 5;

/**
 * Time limit for a server child to start, and for a profiler command. Importing and starting the
 * mock takes about 5 s of CPU, and inside npm test on a 2-core machine with a load average of
 * 20 it took over 60 s.
 */
const START_TIMEOUT_MS = 180_000;

export async function run({ quick, log, rootDir }) {
  const sizes = quick ? SIZES.quick : SIZES.full;
  const spec = await readBundledSpec(rootDir);
  const headers = credentialHeaders(spec);
  const { paths, contact } = contactRequestMix(spec);
  const load = { paths, headers, concurrency: sizes.concurrency };

  const children = [];
  try {
    log('starting the servers and the load generator');
    const servers = await startServers(JSON.stringify(contact), children);
    const generator = await startChild(loadScript, { timeoutMs: START_TIMEOUT_MS });
    children.push(generator.child);
    const sendLoad = (server, requests) =>
      runLoad(generator.child, server, { ...load, maxRequests: requests, sizes });

    for (const server of servers) await sendLoad(server, sizes.warmupRequests);
    const samples = new Map(servers.map((server) => [server.kind, []]));
    for (let round = 1; round <= sizes.rounds; round += 1) {
      log(`round ${round} of ${sizes.rounds}`);
      for (const server of servers) {
        samples.get(server.kind).push(await sendLoad(server, sizes.requests));
      }
    }
    const rows = summarizeSamples(samples);

    const profiles = [];
    for (const [index, row] of rows.entries()) {
      if (!shouldProfile(row, quick)) continue;
      log(`profiling ${row.kind} mode`);
      const server = servers[index];
      const profile = await profileServer(server, () => sendLoad(server, sizes.requests));
      profiles.push({ row, summary: summarizeCpuProfile(profile, { rootDir, top: 8 }) });
    }
    return report({ rows, profiles, sizes, paths, quick });
  } finally {
    await Promise.all(children.map((child) => stopChild(child)));
  }
}

/**
 * Starts every server of SERVERS in its own child process, and adds each child to `children` as
 * soon as it has started, so that the caller stops all of them when another fails to start.
 */
async function startServers(body, children) {
  const outcomes = await Promise.allSettled(
    SERVERS.map(async (server) => {
      const started = await startChild(serverScript, {
        message: { type: 'start', kind: server.kind, body },
        timeoutMs: START_TIMEOUT_MS,
      });
      children.push(started.child);
      return { ...server, child: started.child, url: started.ready.url };
    }),
  );
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return outcomes.map((outcome) => outcome.value);
}

function shouldProfile(row, quick) {
  if (row.kind === 'trivial') return false;
  return quick ? row.kind === 'static' : row.p99Ratio > FAR_OFF_P99_RATIO;
}

/**
 * Runs one bounded load against `server` and returns its requests per second and latency
 * percentiles. Throws when any request failed or got another status than 200, because then the
 * numbers would describe error handling.
 */
async function runLoad(generator, server, { paths, headers, concurrency, maxRequests, sizes }) {
  const timeoutMs = (sizes.maxSeconds + 60) * 1000;
  const result = await requestChild(
    generator,
    {
      type: 'run',
      url: server.url,
      paths,
      headers,
      concurrency,
      maxRequests,
      maxSeconds: sizes.maxSeconds,
    },
    timeoutMs,
  );
  const statuses = Object.keys(result.statuses);
  if (result.errorCount > 0 || statuses.some((status) => status !== '200')) {
    throw new Error(
      `${server.label} responded with ${JSON.stringify(result.statuses)} and had ` +
        `${result.errorCount} failed requests (${result.errors.join('; ')}). ` +
        'Every request of the benchmark must get 200: check the request mix and credentials in ' +
        'bench/lib/spec-requests.mjs against the spec.',
    );
  }
  if (result.completed === 0) {
    throw new Error(
      `${server.label} completed no request within ${sizes.maxSeconds} s. ` +
        'The machine may be overloaded: raise maxSeconds in SIZES to wait longer.',
    );
  }
  return {
    requests: result.completed,
    requestsPerSecond: result.completed / (result.elapsedMs / 1000),
    p50: percentile(result.latenciesMs, 50),
    p99: percentile(result.latenciesMs, 99),
  };
}

function summarizeSamples(samples) {
  const rows = SERVERS.map((server) => {
    const runs = samples.get(server.kind);
    return {
      ...server,
      runs: runs.length,
      requests: runs.reduce((sum, sample) => sum + sample.requests, 0),
      requestsPerSecond: median(runs.map((sample) => sample.requestsPerSecond)),
      p50: median(runs.map((sample) => sample.p50)),
      p99: median(runs.map((sample) => sample.p99)),
    };
  });
  const [baseline] = rows;
  for (const row of rows) {
    row.throughputRatio = row.requestsPerSecond / baseline.requestsPerSecond;
    row.p99Ratio = row.p99 / baseline.p99;
  }
  return rows;
}

/**
 * Records a CPU profile of a running server while `sendLoad` runs, through the inspector in the
 * server's process. It runs after the measured rounds because the profiler slows the server.
 */
async function profileServer(server, sendLoad) {
  await requestChild(server.child, { type: 'profile-start' }, START_TIMEOUT_MS);
  await sendLoad();
  const { profile } = await requestChild(server.child, { type: 'profile-stop' }, START_TIMEOUT_MS);
  return profile;
}

function report({ rows, profiles, sizes, paths, quick }) {
  const [, staticRow, statefulRow] = rows;
  const ms = (value) => value.toFixed(2);
  const results = table(
    [
      'Server',
      'Requests/s',
      'p50 (ms)',
      'p99 (ms)',
      'Requests/s vs node:http',
      'p99 vs node:http',
      'Samples',
    ],
    rows.map((row) => [
      row.label,
      Math.round(row.requestsPerSecond),
      ms(row.p50),
      ms(row.p99),
      formatRatio(row.throughputRatio),
      formatRatio(row.p99Ratio),
      `${plural(row.runs, 'run')}, ${plural(row.requests, 'request')}`,
    ]),
  );

  const requestList = paths.map((requestPath) => `\`${requestPath}\``).join(', ');
  const markdown = [
    'Requests per second and latency of three servers under the same load: a node:http server ' +
      'that returns a fixed JSON contact to every request (the baseline), and the Pulse mock ' +
      '(`startMockServer` from `packages/mock/dist`) in static and in stateful mode.',
    '',
    'Each server runs in its own child process on 127.0.0.1. A separate load-generator process ' +
      `keeps ${sizes.concurrency} GET requests in flight on keep-alive connections. It sends ` +
      `the credential headers of the spec's security schemes and cycles through ${requestList}. ` +
      `After a warm-up of ${sizes.warmupRequests} requests per server, ` +
      `${plural(sizes.rounds, 'round')} load the servers in turn. A round sends ` +
      `${sizes.requests} requests to each server, or stops after ${sizes.maxSeconds} s. Every ` +
      'response must be 200. The table shows the medians over the rounds of each round\u2019s ' +
      'requests per second and latency percentiles. The load generator shares the two CPU ' +
      'cores with the server, so the baseline\u2019s numbers are bounded by the generator too.',
    '',
    results,
    '',
    profileSection(profiles, { quick, sizes }),
  ].join('\n');

  const summary =
    `static ${Math.round(staticRow.requestsPerSecond)} req/s ` +
    `(${formatRatio(staticRow.throughputRatio)} node:http), ` +
    `stateful ${Math.round(statefulRow.requestsPerSecond)} req/s ` +
    `(${formatRatio(statefulRow.throughputRatio)}); ` +
    `p99 ${ms(staticRow.p99)} / ${ms(statefulRow.p99)} ms`;
  return { markdown, summary, target: undefined };
}

function profileSection(profiles, { quick, sizes }) {
  if (profiles.length === 0) {
    return `No mock mode had a p99 over ${FAR_OFF_P99_RATIO}× the baseline's, so none was profiled.`;
  }
  const reason = (row) =>
    quick
      ? 'Quick mode profiles static mode'
      : `Its p99 is ${formatRatio(row.p99Ratio)} the baseline's, more than ${FAR_OFF_P99_RATIO}×`;
  const share = (entry) => `${(entry.share * 100).toFixed(1)} %`;
  const rows = (entries) => entries.map((entry) => [`\`${entry.name}\``, share(entry)]);
  const sections = profiles.map(({ row, summary }) =>
    [
      `### Where ${row.kind} mode spends its time`,
      '',
      `${reason(row)}. So after the measured rounds, V8's CPU profiler (started through ` +
        `\`node:inspector\` in the server's process) recorded one more round of up to ` +
        `${sizes.requests} requests. The shares are of the ${summary.busySamples} samples ` +
        'that were not idle. Self time counts the function on top of the stack. Time on the ' +
        'stack counts a function of this repository wherever it is on the stack, so it ' +
        'includes the functions it calls.',
      '',
      table(['Package', 'Self time'], rows(summary.packages)),
      '',
      table(['Function', 'Self time'], rows(summary.functions)),
      '',
      table(['Function of this repository', 'Time on the stack'], rows(summary.ownFunctions)),
    ].join('\n'),
  );
  return sections.join('\n\n');
}
