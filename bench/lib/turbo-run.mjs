/** Timed `turbo run` invocations, and the task and cache counts turbo reports for each. */
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runCommand, tail } from './child-process.mjs';

/**
 * Time limit of one turbo run, well above the 35 to 103 s that a cold build of the repository
 * took on a 2-core machine, idle and under heavy load.
 */
const TURBO_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * Returns the JavaScript launcher of the turbo binary installed in `rootDir`, the file that
 * `turbo` in an npm script runs.
 */
export function resolveTurboLauncher(rootDir) {
  const require = createRequire(path.join(rootDir, 'package.json'));
  const packageFile = require.resolve('turbo/package.json');
  const { bin } = require(packageFile);
  return path.join(path.dirname(packageFile), typeof bin === 'string' ? bin : bin.turbo);
}

/**
 * Returns the npm CLI script: the one that runs the current npm script, the one installed next
 * to this Node.js binary, or the one that `npm` on the PATH links to.
 */
export function resolveNpmCli() {
  const fromEnv = process.env.npm_execpath;
  const candidates = [
    fromEnv,
    path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'bin',
      'npm-cli.js',
    ),
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'npm')),
  ];
  for (const candidate of candidates) {
    if (!candidate || !existsSync(candidate)) continue;
    const file = realpathSync(candidate);
    if (path.basename(file) === 'npm-cli.js') return file;
  }
  throw new Error(
    `Cannot find npm-cli.js: npm_execpath is ${fromEnv ?? 'unset'}, and neither the folder of ` +
      `${process.execPath} nor the PATH has npm. Install npm, or run the benchmark through npm.`,
  );
}

/**
 * Returns the environment for a turbo run: this process's environment without the `TURBO_`
 * variables, which a parent turbo task or the user may set (`TURBO_FORCE`, `TURBO_CACHE_DIR`,
 * `TURBO_HASH`) and which would change what the run does, and with telemetry off.
 */
export function turboEnvironment() {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('TURBO_')),
  );
  return { ...env, TURBO_TELEMETRY_DISABLED: '1' };
}

/**
 * Runs `turbo run <args> --json` in `cwd`, either through turbo's launcher (`via: 'turbo'`) or
 * as `npm run <script>` (`via: 'npm'`), and resolves with its wall time in ms and the counts of
 * turbo's summary. Rejects, with the end of the output, when the run fails or a task fails.
 */
export async function runTurbo({ cwd, via, task, args, turboLauncher, npmCli }) {
  const command =
    via === 'npm'
      ? [npmCli, 'run', task, '--', ...args, '--json']
      : [turboLauncher, 'run', task, ...args, '--json'];
  const result = await runCommand(process.execPath, command, {
    cwd,
    env: turboEnvironment(),
    timeoutMs: TURBO_TIMEOUT_MS,
  });
  const runner = via === 'npm' ? 'npm' : 'turbo';
  const description = `${runner} run ${task} in ${cwd}`;
  if (result.code !== 0) {
    throw new Error(
      `${description} exited with ${result.code ?? result.signal}:\n` +
        tail(`${turboText(result.stdout)}\n${result.stderr}`),
    );
  }
  const summary = parseTurboSummary(result.stdout, description);
  if (summary.successful !== summary.total) {
    throw new Error(
      `${description}: only ${summary.successful} of ${summary.total} tasks succeeded.\n` +
        tail(turboText(result.stdout)),
    );
  }
  return { ms: result.ms, ...summary };
}

/**
 * Runs `turbo run <task> --dry=json` in `cwd`, which hashes every task's inputs without running
 * anything. The pipeline suite uses it as a warm-up. Rejects when turbo fails.
 */
export async function dryRunTurbo({ cwd, task, turboLauncher }) {
  const result = await runCommand(process.execPath, [turboLauncher, 'run', task, '--dry=json'], {
    cwd,
    env: turboEnvironment(),
    timeoutMs: TURBO_TIMEOUT_MS,
  });
  if (result.code !== 0) {
    throw new Error(
      `turbo run ${task} --dry=json in ${cwd} exited with ${result.code ?? result.signal}:\n` +
        tail(result.stderr),
    );
  }
}

/**
 * Reads turbo's NDJSON output (`--json`): the cache status that each task reports first (`cache
 * hit, replaying logs` or `cache miss, executing`) and the `Tasks:` and `Cached:` summary lines.
 * Lines that are not JSON, such as npm's banner, are skipped. Throws when the summary is missing
 * or disagrees with the tasks' own lines.
 */
export function parseTurboSummary(stdout, description) {
  const tasks = new Map();
  let successful;
  let total;
  let cached;
  for (const event of jsonLines(stdout)) {
    if (event.source === 'turbo') {
      const tasksLine = /Tasks:\s+(\d+) successful, (\d+) total/.exec(event.text);
      if (tasksLine) [successful, total] = [Number(tasksLine[1]), Number(tasksLine[2])];
      const cachedLine = /Cached:\s+(\d+) cached, \d+ total/.exec(event.text);
      if (cachedLine) cached = Number(cachedLine[1]);
    } else if (!tasks.has(event.source)) {
      const status = /^cache (hit|miss|bypass)/.exec(event.text);
      if (status) tasks.set(event.source, status[1]);
    }
  }

  if (total === undefined || cached === undefined) {
    throw new Error(
      `${description} printed no "Tasks:" or "Cached:" summary line. ` +
        `turbo's --json output may have changed:\n${tail(stdout)}`,
    );
  }
  const hits = [...tasks.values()].filter((status) => status === 'hit').length;
  if (tasks.size !== total || hits !== cached) {
    throw new Error(
      `${description}: the summary reports ${cached} of ${total} tasks cached, but the tasks ` +
        `report ${hits} cache hits of ${tasks.size}. turbo's --json output may have changed.`,
    );
  }
  const missed = [...tasks].filter(([, status]) => status !== 'hit').map(([id]) => id);
  return { successful, total, cached, missed };
}

/**
 * Runs one more `turbo run` with `--profile` and returns `{ ms, traceMs, spans }`. `ms` is its
 * wall time and `traceMs` the time from the first to the last event of turbo's trace. `spans`
 * are the spans with the most time, inclusive of the spans nested in them, as
 * `{ name, calls, ms }`.
 */
export async function profileTurboRun(options, profileFile, top = 10) {
  const { ms } = await runTurbo({
    ...options,
    args: [...options.args, `--profile=${profileFile}`],
  });
  const events = JSON.parse(await readFile(profileFile, 'utf8'));
  const times = events.filter((event) => typeof event.ts === 'number').map((event) => event.ts);
  const traceMs = (Math.max(...times) - Math.min(...times)) / 1000;
  return { ms, traceMs, spans: summarizeTrace(events, top) };
}

/**
 * Adds up the duration of each span name in a Chrome trace (the format of turbo's `--profile`),
 * pairing begin and end events of the same name, category, id and thread.
 */
export function summarizeTrace(events, top) {
  const open = new Map();
  const totals = new Map();
  for (const event of events) {
    const key = [event.cat, event.name, event.id, event.tid].join('\u0000');
    if (event.ph === 'b' || event.ph === 'B') {
      const starts = open.get(key) ?? [];
      starts.push(event.ts);
      open.set(key, starts);
    } else if (event.ph === 'e' || event.ph === 'E') {
      const start = open.get(key)?.pop();
      if (start === undefined) continue;
      const total = totals.get(event.name) ?? { name: event.name, calls: 0, ms: 0 };
      total.calls += 1;
      total.ms += (event.ts - start) / 1000;
      totals.set(event.name, total);
    }
  }
  return [...totals.values()].sort((a, b) => b.ms - a.ms).slice(0, top);
}

function* jsonLines(stdout) {
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      yield JSON.parse(line);
    } catch {
      // Not one of turbo's events: npm's own output can come first.
    }
  }
}

/** Returns the text of turbo's NDJSON output, for error messages. */
function turboText(stdout) {
  return [...jsonLines(stdout)].map((event) => `${event.source}: ${event.text}`).join('\n');
}
