// Cold build of everything from the spec with turbo's cache bypassed, against a warm rebuild
// with nothing changed, where every task is a cache hit.
//
// Quick mode runs the same code on a two-package workspace in a temporary folder instead of the
// repository. In CI it runs inside the `//#bench-quick` turbo task, while other tasks of the same
// turbo run read the packages' dist/ folders. A nested build of the repository would rewrite
// those folders under them, and a cold build takes longer than quick mode may.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../lib/child-process.mjs';
import { plural, table } from '../lib/markdown.mjs';
import { formatRatio, median } from '../lib/stats.mjs';
import { createTurboFixture } from '../lib/turbo-fixture.mjs';
import {
  dryRunTurbo,
  profileTurboRun,
  resolveNpmCli,
  resolveTurboLauncher,
  runTurbo,
} from '../lib/turbo-run.mjs';

export const name = 'pipeline';
export const title = 'Build pipeline';

/**
 * Each round runs one cold build, then `warmRuns` times in turn: a warm rebuild through turbo, one
 * through npm, and `node -e 0`, the start-up of Node.js alone under the same load.
 */
const SIZES = {
  full: { rounds: 3, warmRuns: 3 },
  quick: { rounds: 1, warmRuns: 1 },
};

const TARGET_MS = 1000;

export async function run({ quick, log, rootDir }) {
  const sizes = quick ? SIZES.quick : SIZES.full;
  const turboLauncher = resolveTurboLauncher(rootDir);
  const npmCli = resolveNpmCli();
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'pulse-bench-pipeline-'));
  try {
    let workspace = rootDir;
    if (quick) {
      workspace = path.join(scratchDir, 'workspace');
      await createTurboFixture(workspace, turboLauncher);
    }
    const base = { cwd: workspace, task: 'build', turboLauncher, npmCli };

    // Warm-up: hashes every input once, so the first timed run does not read files cold.
    await dryRunTurbo(base);

    const runs = { cold: [], turbo: [], npm: [], node: [] };
    let cacheDir;
    for (let round = 1; round <= sizes.rounds; round += 1) {
      log(`round ${round} of ${sizes.rounds}: cold build`);
      cacheDir = path.join(scratchDir, `cache-${round}`);
      const cacheArgs = [`--cache-dir=${cacheDir}`];
      runs.cold.push(
        expectCached(await runTurbo({ ...base, via: 'turbo', args: cacheArgs }), 'none'),
      );
      log(`round ${round} of ${sizes.rounds}: warm rebuilds, ${plural(sizes.warmRuns, 'time')}`);
      for (let warm = 0; warm < sizes.warmRuns; warm += 1) {
        for (const via of ['turbo', 'npm']) {
          runs[via].push(expectCached(await runTurbo({ ...base, via, args: cacheArgs }), 'all'));
        }
        runs.node.push(await timeNodeStart());
      }
    }

    log('profiling one more warm rebuild');
    const profile = await profileTurboRun(
      { ...base, via: 'turbo', args: [`--cache-dir=${cacheDir}`] },
      path.join(scratchDir, 'turbo-profile.json'),
    );
    return report({ runs, profile, sizes, quick });
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}

async function timeNodeStart() {
  const result = await runCommand(process.execPath, ['-e', '0'], {
    cwd: process.cwd(),
    env: process.env,
    timeoutMs: 60_000,
  });
  if (result.code !== 0) throw new Error(`node -e 0 exited with ${result.code}: ${result.stderr}`);
  return { ms: result.ms };
}

/**
 * Returns `run` after checking its cache hits: none for a cold build, whose cache folder is new,
 * and all for a warm rebuild, where nothing changed since the cold build.
 */
function expectCached(run, expected) {
  if (expected === 'none' && run.cached !== 0) {
    throw new Error(
      `A cold build with a new --cache-dir got ${run.cached} cache hits of ${run.total}. ` +
        'turbo may have read a remote cache: check whether the repository is linked to one ' +
        '(`turbo link`, .turbo/config.json).',
    );
  }
  if (expected === 'all' && run.cached !== run.total) {
    throw new Error(
      `A warm rebuild missed the cache for ${run.missed.join(', ')}. A task changes its own ` +
        'inputs or depends on something outside them: check its inputs and outputs in turbo.json.',
    );
  }
  return run;
}

function report({ runs, profile, sizes, quick }) {
  const seconds = (ms) => (ms / 1000).toFixed(2);
  const medians = Object.fromEntries(
    Object.entries(runs).map(([kind, list]) => [kind, median(list.map((run) => run.ms))]),
  );
  const row = (label, kind) => {
    const times = runs[kind].map((run) => run.ms);
    const [first] = runs[kind];
    return [
      label,
      seconds(medians[kind]),
      `${seconds(Math.min(...times))}–${seconds(Math.max(...times))}`,
      formatRatio(medians[kind] / medians.turbo),
      first.total === undefined ? '—' : `${first.total} tasks, ${first.cached} cached`,
      times.length,
    ];
  };
  const results = table(
    ['Run', 'Median (s)', 'Range (s)', 'Ratio', 'Tasks', 'Samples'],
    [
      row('Cold build, `turbo run build`, new cache folder', 'cold'),
      row('Warm rebuild, `turbo run build`', 'turbo'),
      row('Warm rebuild, `npm run build`', 'npm'),
      row('Node.js start-up alone, `node -e 0`', 'node'),
    ],
  );
  const met = medians.npm < TARGET_MS;
  const verdict = met
    ? `Met: ${seconds(medians.npm)} s.`
    : `Missed by ${seconds(medians.npm - TARGET_MS)} s ` +
      `(${formatRatio(medians.npm / TARGET_MS)} the target).`;

  const markdown = [
    'Wall time of `turbo run build` from the start of the process to its exit. A cold build ' +
      'gets a new, empty `--cache-dir`, so every task runs. A warm rebuild reuses that cache ' +
      'with nothing changed, so every task is a cache hit and turbo restores its outputs. The ' +
      'warm rebuild runs both through turbo\u2019s launcher and as `npm run build`, which adds ' +
      'npm\u2019s start-up. Every run passes `--json`, and the task and cache counts are read ' +
      'from its output. A cold build with any cache hit, or a warm rebuild with any miss, fails ' +
      'the suite.',
    '',
    quick
      ? 'Quick mode builds a two-package workspace in a temporary folder (one bundle task, one ' +
        'build task that depends on it), not the repository. A cold build of the repository ' +
        'would rewrite the `dist/` folders that other tasks of the same turbo run read.'
      : 'The workspace is the repository: spec bundle, client type generation, every package ' +
        'build and the docs build.',
    '',
    `After a \`--dry=json\` warm-up, ${plural(sizes.rounds, 'round')} each run one cold ` +
      `build, then ${plural(sizes.warmRuns, 'time')} in turn a warm rebuild through turbo, one ` +
      'through npm, and `node -e 0`. The table shows medians, ranges and ratios to the median ' +
      'warm rebuild through turbo.',
    '',
    results,
    '',
    `Target: a warm \`npm run build\` under ${TARGET_MS / 1000} s. ${verdict}`,
    '',
    profileSection(profile),
  ].join('\n');

  const summary =
    `cold ${seconds(medians.cold)} s (${runs.cold[0].total} tasks), warm ` +
    `${seconds(medians.turbo)} s (turbo) / ${seconds(medians.npm)} s (npm), ` +
    `${formatRatio(medians.cold / medians.turbo)}`;
  return {
    markdown,
    summary,
    target: { goal: `warm \`npm run build\` under ${TARGET_MS / 1000} s`, met },
  };
}

function profileSection({ ms, traceMs, spans }) {
  return [
    '### Where a warm rebuild spends its time',
    '',
    `One more warm rebuild through turbo ran with \`--profile\` and took ${ms.toFixed(0)} ms. ` +
      `turbo\u2019s trace covers ${traceMs.toFixed(0)} ms of that. The rest happens outside ` +
      'the trace: the launcher\u2019s Node.js process starts, then the turbo binary starts ' +
      'and, after the trace, exits. The spans of the trace with the most time come first. A ' +
      'span\u2019s time includes the spans nested in it, and spans on different threads overlap.',
    '',
    table(
      ['Span', 'Calls', 'Time (ms)'],
      spans.map((span) => [`\`${span.name}\``, span.calls, span.ms.toFixed(1)]),
    ),
  ].join('\n');
}
