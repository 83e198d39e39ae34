// Checks the summary of a small hand-made V8 CPU profile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeCpuProfile } from '../lib/cpu-profile.mjs';

const rootDir = '/repo';

function frame(functionName, url = '', lineNumber = -1) {
  return { functionName, url, lineNumber, columnNumber: 0, scriptId: '1' };
}

// (root) -> handle (packages/mock) -> route (prism-http) -> pipe (fp-ts, nested in prism-http)
//        -> (idle), (garbage collector), writev (native), emit (node:events)
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 6, 7, 8] },
    {
      id: 2,
      callFrame: frame('handle', 'file:///repo/packages/mock/dist/handler.js', 9),
      children: [3],
    },
    {
      id: 3,
      callFrame: frame(
        'route',
        'file:///repo/node_modules/@stoplight/prism-http/dist/router/index.js',
        32,
      ),
      children: [4],
    },
    {
      id: 4,
      callFrame: frame(
        'pipe',
        'file:///repo/node_modules/@stoplight/prism-http/node_modules/fp-ts/lib/function.js',
        295,
      ),
    },
    { id: 5, callFrame: frame('(idle)') },
    { id: 6, callFrame: frame('(garbage collector)') },
    { id: 7, callFrame: frame('writev') },
    { id: 8, callFrame: frame('emit', 'node:events', 470) },
  ],
  // Idle samples carry long time deltas, which the summary must not count.
  samples: [4, 4, 4, 3, 2, 5, 5, 5, 5, 6, 7, 8],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 900000, 900000, 900000, 900000, 1000, 1000, 1000],
  startTime: 0,
  endTime: 3_609_000,
};

test('summarizeCpuProfile counts busy samples', () => {
  const summary = summarizeCpuProfile(profile, { rootDir, top: 10 });

  assert.equal(summary.busySamples, 8);
});

test('summarizeCpuProfile ranks self samples by package', () => {
  const { packages } = summarizeCpuProfile(profile, { rootDir, top: 10 });

  assert.deepEqual(
    packages.map(({ name, samples }) => [name, samples]),
    [
      ['fp-ts', 3],
      ['@stoplight/prism-http', 1],
      ['packages/mock', 1],
      ['(garbage collector)', 1],
      ['(native code)', 1],
      ['node:internal', 1],
    ],
  );
  assert.equal(packages[0].share, 3 / 8);
});

test('summarizeCpuProfile names functions by location', () => {
  const { functions } = summarizeCpuProfile(profile, { rootDir, top: 2 });

  assert.deepEqual(
    functions.map(({ name }) => name),
    [
      'pipe (node_modules/@stoplight/prism-http/node_modules/fp-ts/lib/function.js:296)',
      'route (node_modules/@stoplight/prism-http/dist/router/index.js:33)',
    ],
  );
});

test('summarizeCpuProfile adds own code inclusively', () => {
  const { ownFunctions } = summarizeCpuProfile(profile, { rootDir, top: 10 });

  assert.deepEqual(ownFunctions, [
    { name: 'handle (packages/mock/dist/handler.js:10)', samples: 5, share: 5 / 8 },
  ]);
});
