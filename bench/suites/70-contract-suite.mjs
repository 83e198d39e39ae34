// Wall time of the contract test suite in packages/contract-tests, run the way its `test` script
// runs it: delete reports/, run vitest (both projects, static and stateful mock), then check the
// operation coverage that the two runs recorded.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { runCommand, tail } from '../lib/child-process.mjs';
import { plural, table } from '../lib/markdown.mjs';
import { formatRatio, median } from '../lib/stats.mjs';

export const name = 'contract-suite';
export const title = 'Contract test suite';

/**
 * The package's `test` script, whose steps `runWholeSuite` repeats. The suite checks that the
 * script is still this one, so that it cannot time something else after the script changes.
 */
const EXPECTED_TEST_SCRIPT =
  'rm -rf reports && vitest run && node ../../scripts/check-operation-coverage.mjs ' +
  'reports/operation-coverage-static.json reports/operation-coverage-stateful.json';

/**
 * A small test file that only the static project runs. It reads the bundled spec and makes no
 * request, so a run of it costs vitest's start-up and one mock's start and stop.
 */
const SMALL_FILE = 'test/spec-validator.test.ts';

/** Rounds of the whole suite and the small file, in turn, after one run of the small file. */
const FULL_ROUNDS = 3;

const RUN_TIMEOUT_MS = 20 * 60 * 1000;

export async function run({ quick, log, rootDir }) {
  const packageDir = path.join(rootDir, 'packages', 'contract-tests');
  await checkTestScript(packageDir);
  const vitest = resolveVitest(packageDir);
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'pulse-bench-contract-'));
  const context = { packageDir, vitest, scratchDir, rootDir };
  try {
    const runs = await keepingReports(context, () => measure(context, { quick, log }));
    return report({ ...runs, quick });
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}

async function measure(context, { quick, log }) {
  if (quick) {
    log(`running ${SMALL_FILE}`);
    return { small: [await runSmallFile(context)], whole: [] };
  }

  log(`warm-up: ${SMALL_FILE}`);
  await runSmallFile(context);
  const runs = { small: [], whole: [] };
  for (let round = 1; round <= FULL_ROUNDS; round += 1) {
    log(`round ${round} of ${FULL_ROUNDS}: the whole suite`);
    runs.whole.push(await runWholeSuite(context));
    log(`round ${round} of ${FULL_ROUNDS}: ${SMALL_FILE}`);
    runs.small.push(await runSmallFile(context));
  }
  return runs;
}

async function checkTestScript(packageDir) {
  const manifest = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
  if (manifest.scripts?.test !== EXPECTED_TEST_SCRIPT) {
    throw new Error(
      `The test script of packages/contract-tests is now "${manifest.scripts?.test}". ` +
        'Update EXPECTED_TEST_SCRIPT and the steps in bench/suites/70-contract-suite.mjs to match.',
    );
  }
}

function resolveVitest(packageDir) {
  const require = createRequire(path.join(packageDir, 'package.json'));
  const packageFile = require.resolve('vitest/package.json');
  const { bin } = require(packageFile);
  return path.join(path.dirname(packageFile), typeof bin === 'string' ? bin : bin.vitest);
}

/** Runs the steps of the package's `test` script and returns the wall time of all three. */
async function runWholeSuite(context) {
  const started = performance.now();
  await rm(path.join(context.packageDir, 'reports'), { recursive: true, force: true });
  const result = await runVitest(context, []);
  const coverage = await runCommand(
    process.execPath,
    [
      path.join(context.rootDir, 'scripts', 'check-operation-coverage.mjs'),
      'reports/operation-coverage-static.json',
      'reports/operation-coverage-stateful.json',
    ],
    { cwd: context.packageDir, env: process.env, timeoutMs: RUN_TIMEOUT_MS },
  );
  if (coverage.code !== 0) {
    throw new Error(`The operation coverage check failed:\n${tail(coverage.stderr)}`);
  }
  return { ...result, ms: performance.now() - started };
}

function runSmallFile(context) {
  return runVitest(context, [SMALL_FILE]);
}

/**
 * Runs `vitest run` with the package's config and vitest's JSON reporter next to the default
 * one, and returns the wall time and the counts of the JSON report. Throws when a test fails.
 */
async function runVitest({ packageDir, vitest, scratchDir }, files) {
  const jsonFile = path.join(scratchDir, 'vitest.json');
  await rm(jsonFile, { force: true });
  const args = ['run', ...files, '--reporter=default', '--reporter=json'];
  args.push(`--outputFile.json=${jsonFile}`);
  const result = await runCommand(process.execPath, [vitest, ...args], {
    cwd: packageDir,
    env: process.env,
    timeoutMs: RUN_TIMEOUT_MS,
  });
  if (result.code !== 0) {
    throw new Error(
      `vitest ${args.join(' ')} in ${packageDir} exited with ${result.code ?? result.signal}:\n` +
        tail(`${result.stdout}\n${result.stderr}`),
    );
  }
  const json = JSON.parse(await readFile(jsonFile, 'utf8'));
  return {
    ms: result.ms,
    tests: json.numTotalTests,
    passed: json.numPassedTests,
    skipped: json.numPendingTests + json.numTodoTests,
    files: json.testResults.length,
    fileDurations: json.testResults.map((file) => ({
      file: path.relative(packageDir, file.name),
      ms: file.endTime - file.startTime,
    })),
  };
}

/**
 * Runs `action` and then puts back the files that reports/ held before it. Each run of the small
 * file rewrites the static coverage report with no operations, which would make a later coverage
 * check fail. This cannot keep a concurrent run of the contract tests from losing its reports,
 * so the `//#bench-quick` turbo task runs after `@pulse-engagement/contract-tests#test`.
 * NOTE: a run ended by a signal skips the restore, so reports/ keeps the small file's report
 * until the contract tests run again.
 */
async function keepingReports({ packageDir, scratchDir }, action) {
  const reportsDir = path.join(packageDir, 'reports');
  const savedDir = path.join(scratchDir, 'reports');
  const hadReports = await cp(reportsDir, savedDir, { recursive: true }).then(
    () => true,
    (error) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  try {
    return await action();
  } finally {
    await rm(reportsDir, { recursive: true, force: true });
    if (hadReports) await cp(savedDir, reportsDir, { recursive: true });
  }
}

function report({ small, whole, quick }) {
  const seconds = (ms) => (ms / 1000).toFixed(1);
  const counts = (run) =>
    `${plural(run.tests, 'test')} in ${plural(run.files, 'file')}: ${run.passed} passed, ` +
    `${run.skipped} skipped`;
  const describeRuns = (runs) => {
    const times = runs.map((run) => run.ms);
    return {
      median: median(times),
      range: `${seconds(Math.min(...times))}–${seconds(Math.max(...times))}`,
    };
  };
  const smallStats = describeRuns(small);
  const rows = [];
  if (!quick) {
    const wholeStats = describeRuns(whole);
    rows.push([
      'Whole suite, the `test` script\u2019s three steps',
      seconds(wholeStats.median),
      wholeStats.range,
      formatRatio(wholeStats.median / smallStats.median),
      counts(whole[0]),
      whole.length,
    ]);
  }
  rows.push([
    `\`vitest run ${SMALL_FILE}\` (static project only)`,
    seconds(smallStats.median),
    smallStats.range,
    formatRatio(1),
    counts(small[0]),
    small.length,
  ]);

  const markdown = [
    'Wall time of the contract tests in `packages/contract-tests`, run the way its `test` ' +
      'script runs them: delete `reports/`, run `vitest run` with both projects (a static and ' +
      'a stateful mock, each started by the global setup), then check the operation coverage ' +
      'they recorded. vitest also writes its JSON report, which gives the test counts. At the ' +
      'end the suite puts back the files that `reports/` held before it ran. The ' +
      `baseline is the same vitest command on one small file, \`${SMALL_FILE}\`, which costs ` +
      'vitest\u2019s start-up and one mock\u2019s start and stop.',
    '',
    quick
      ? 'Quick mode runs only the small file.'
      : `After one run of the small file as a warm-up, ${FULL_ROUNDS} rounds each run the whole ` +
        'suite and then the small file. The table shows medians, ranges and ratios to the small ' +
        'file\u2019s median.',
    '',
    table(['Run', 'Median (s)', 'Range (s)', 'Ratio', 'Tests', 'Samples'], rows),
  ];
  if (!quick) markdown.push('', slowestFiles(whole));

  const summary = quick
    ? `small file ${seconds(smallStats.median)} s (${small[0].tests} tests)`
    : `${seconds(describeRuns(whole).median)} s for ${whole[0].tests} tests ` +
      `(${formatRatio(describeRuns(whole).median / smallStats.median)} one small file)`;
  return { markdown: markdown.join('\n'), summary, target: undefined };
}

/** Lists the test files with the most time in the first run, summed over both projects. */
function slowestFiles(whole) {
  const totals = new Map();
  for (const { file, ms } of whole[0].fileDurations) totals.set(file, (totals.get(file) ?? 0) + ms);
  const rows = [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([file, ms]) => [`\`${file}\``, (ms / 1000).toFixed(1)]);
  return [
    '### Slowest test files',
    '',
    'Time from the start to the end of each file in the first round, summed over the two ' +
      'projects. Files run in parallel, so the times add up to more than the wall time.',
    '',
    table(['File', 'Time (s)'], rows),
  ].join('\n');
}
