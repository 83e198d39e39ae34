// Checks how the pipeline suite reads turbo's --json output and --profile trace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTurboSummary, summarizeTrace, turboEnvironment } from '../lib/turbo-run.mjs';

const event = (source, text) => JSON.stringify({ source, level: 'info', timestamp: 1, text });

/** Returns npm's banner and turbo's NDJSON output for `tasks`, each `[id, 'hit' | 'miss']`. */
function turboOutput(tasks, { successful = tasks.length, summary = true } = {}) {
  const lines = ['> bench-fixture@ build', '> turbo run build --json', ''];
  for (const [id, status] of tasks) {
    const first =
      status === 'hit' ? 'cache hit, replaying logs 0a1b' : 'cache miss, executing 0a1b';
    lines.push(event(id, first), event(id, '{"not":"an event"}'));
  }
  if (summary) {
    const hits = tasks.filter(([, status]) => status === 'hit').length;
    lines.push(
      event('turbo', ` Tasks:    ${successful} successful, ${tasks.length} total`),
      event('turbo', `Cached:    ${hits} cached, ${tasks.length} total`),
    );
  }
  return lines.join('\n');
}

test('parseTurboSummary counts hits and misses', () => {
  const output = turboOutput([
    ['spec#bundle', 'hit'],
    ['client#generate', 'miss'],
    ['client#build', 'hit'],
  ]);

  const summary = parseTurboSummary(output, 'test run');

  assert.deepEqual(summary, {
    successful: 3,
    total: 3,
    cached: 2,
    missed: ['client#generate'],
  });
});

test('parseTurboSummary reports failed tasks', () => {
  const output = turboOutput([['spec#bundle', 'miss']], { successful: 0 });

  assert.equal(parseTurboSummary(output, 'test run').successful, 0);
});

test('parseTurboSummary rejects missing summary', () => {
  const output = turboOutput([['spec#bundle', 'hit']], { summary: false });

  assert.throws(() => parseTurboSummary(output, 'test run'), /printed no "Tasks:" or "Cached:"/);
});

test('parseTurboSummary rejects disagreeing counts', () => {
  const output = [
    event('spec#bundle', 'cache miss, executing 0a1b'),
    event('turbo', ' Tasks:    1 successful, 1 total'),
    event('turbo', 'Cached:    1 cached, 1 total'),
  ].join('\n');

  assert.throws(
    () => parseTurboSummary(output, 'test run'),
    /reports 1 of 1 tasks cached, but the tasks report 0 cache hits of 1/,
  );
});

test('summarizeTrace adds nested and repeated spans', () => {
  const span = (name, id, begin, end, tid = 0) => [
    { ph: 'b', name, cat: 'turbo', id, tid, ts: begin },
    { ph: 'e', name, cat: 'turbo', id, tid, ts: end },
  ];
  const events = [
    { ph: 'M', name: 'process_name', pid: 1 },
    ...span('run', 1, 0, 10_000),
    ...span('hash', 1, 1_000, 3_000),
    ...span('hash', 2, 4_000, 5_000, 1),
    { ph: 'e', name: 'never-begun', cat: 'turbo', id: 9, tid: 0, ts: 7 },
  ];

  const spans = summarizeTrace(events, 5);

  assert.deepEqual(spans, [
    { name: 'run', calls: 1, ms: 10 },
    { name: 'hash', calls: 2, ms: 3 },
  ]);
});

test('turboEnvironment drops TURBO_ variables', () => {
  process.env.TURBO_FORCE = 'true';
  try {
    const env = turboEnvironment();

    assert.equal(env.TURBO_FORCE, undefined);
    assert.equal(env.TURBO_TELEMETRY_DISABLED, '1');
    assert.equal(env.PATH, process.env.PATH);
  } finally {
    delete process.env.TURBO_FORCE;
  }
});
