// A bounded load test of the stateful engine behind the harness server on 127.0.0.1: a fixed
// number of concurrent clients create, read, update, list and delete contacts for a fixed time.
// It prints requests per second and the 99th percentile latency. Run it alone with
//   npx vitest run test/stateful/load.test.ts
// from packages/mock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const CLIENTS = 8;
const DURATION_MS = 3_000;
// Bounds each client even on a machine fast enough to loop more often than expected.
const MAX_ROUNDS_PER_CLIENT = 5_000;
// Generous: the store contains a handful of contacts at any time, so growth is garbage not
// yet collected rather than stored state.
const MAX_HEAP_GROWTH_BYTES = 200 * 1024 * 1024;

interface ClientReport {
  rounds: number;
  latenciesMs: number[];
  serverErrors: string[];
  /** Reads that did not return what the client had written, or a created contact that was missing. */
  lostWrites: string[];
}

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ seed: 'load' });
});

afterAll(async () => {
  await harness.close();
});

async function request(
  report: ClientReport,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> | undefined }> {
  const started = performance.now();
  const response = await fetch(`${harness.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  const text = await response.text();
  report.latenciesMs.push(performance.now() - started);
  if (response.status >= 500)
    report.serverErrors.push(`${method} ${path}: ${response.status} ${text}`);
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** Runs one client until the deadline: create, read, update, read back, list, delete, read again. */
async function runClient(client: number, deadline: number): Promise<ClientReport> {
  const report: ClientReport = { rounds: 0, latenciesMs: [], serverErrors: [], lostWrites: [] };
  const lost = (message: string) => report.lostWrites.push(`client ${client}: ${message}`);
  while (Date.now() < deadline && report.rounds < MAX_ROUNDS_PER_CLIENT) {
    const round = report.rounds++;
    const emailAddress = `load-${client}-${round}@example.org`;
    const created = await request(report, 'POST', '/contacts', {
      source: 12,
      firstName: `Client ${client}`,
      emails: [{ emailAddress }],
    });
    const id = created.body?.id;
    if (created.status !== 201 || typeof id !== 'number') {
      lost(`create ${emailAddress} returned ${created.status}`);
      continue;
    }
    const path = `/contacts/${id}`;

    const read = await request(report, 'GET', path);
    if (read.status !== 200) lost(`created contact ${id} read ${read.status}`);
    const lastName = `Round ${round}`;
    await request(report, 'PUT', path, { lastName });
    const readBack = await request(report, 'GET', path);
    if (readBack.body?.lastName !== lastName)
      lost(`update of ${id} read back ${String(readBack.body?.lastName)}`);
    await request(report, 'GET', '/contacts?limit=10&sort[]=id:DESC&fields[]=lastName');
    const deleted = await request(report, 'DELETE', path);
    if (deleted.status !== 204) lost(`delete of ${id} returned ${deleted.status}`);
    const afterDelete = await request(report, 'GET', path);
    if (afterDelete.status !== 404) lost(`deleted contact ${id} read ${afterDelete.status}`);
  }
  return report;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] ?? 0;
}

describe('stateful engine under load', () => {
  it(
    `serves ${CLIENTS} clients for ${DURATION_MS} ms without errors or lost writes`,
    { timeout: 30_000 },
    async () => {
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const deadline = Date.now() + DURATION_MS;
      const reports = await Promise.all(
        Array.from({ length: CLIENTS }, (_, client) => runClient(client, deadline)),
      );
      const elapsedSeconds = (performance.now() - started) / 1000;
      const heapGrowth = process.memoryUsage().heapUsed - heapBefore;

      const latencies = reports.flatMap((report) => report.latenciesMs).sort((a, b) => a - b);
      const rounds = reports.reduce((total, report) => total + report.rounds, 0);
      console.log(
        `stateful load: ${CLIENTS} clients, ${elapsedSeconds.toFixed(1)} s, ${rounds} rounds, ` +
          `${latencies.length} requests, ${(latencies.length / elapsedSeconds).toFixed(0)} requests/s, ` +
          `p50 ${percentile(latencies, 0.5).toFixed(2)} ms, p99 ${percentile(latencies, 0.99).toFixed(2)} ms, ` +
          `heap growth ${(heapGrowth / 1024 / 1024).toFixed(1)} MiB`,
      );

      expect(reports.flatMap((report) => report.serverErrors)).toEqual([]);
      expect(reports.flatMap((report) => report.lostWrites)).toEqual([]);
      expect(reports.every((report) => report.rounds > 0)).toBe(true);
      expect(heapGrowth).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
      // Every contact the clients created was deleted again: only the seeded ones remain.
      const remaining = await fetch(`${harness.url}/contacts?ignorePagination=true`);
      expect(((await remaining.json()) as { totalCount: number }).totalCount).toBe(5);
    },
  );
});
