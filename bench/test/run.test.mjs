// Runs bench/run.mjs on suites written to a temporary folder, and on the real suites for the
// list of names, and checks its exit codes, messages and report.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const runScript = path.join(benchDir, 'run.mjs');
const timeout = 60_000;

const passingSuite = `
export const name = 'passing';
export const title = 'Passing suite';
export async function run({ quick }) {
  return { markdown: 'Passing section, quick: ' + quick, summary: 'passing summary' };
}
`;
const throwingSuite = `
export const name = 'throwing';
export const title = 'Throwing suite';
export async function run() {
  throw new Error('the throwing suite broke');
}
`;

let scratchDir;
let suitesDir;

before(async () => {
  scratchDir = await mkdtemp(path.join(os.tmpdir(), 'bench-run-test-'));
  suitesDir = path.join(scratchDir, 'suites');
  await writeSuites(suitesDir, {
    '10-passing.mjs': passingSuite,
    '20-throwing.mjs': throwingSuite,
  });
});

after(async () => {
  await rm(scratchDir, { recursive: true, force: true });
});

async function writeSuites(dir, files) {
  await mkdir(dir, { recursive: true });
  for (const [file, source] of Object.entries(files)) {
    await writeFile(path.join(dir, file), source);
  }
}

/** Runs bench/run.mjs and resolves with its exit code and output, whatever the exit code. */
async function runBench(args) {
  // Without npm_lifecycle_event the report's command line does not depend on how the test ran.
  const env = { ...process.env };
  delete env.npm_lifecycle_event;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [runScript, ...args], {
      env,
      timeout,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

test('unknown --only name exits 2 and lists the suites', { timeout }, async () => {
  const result = await runBench(['--suites', suitesDir, '--only', 'passing,nonexistent']);

  assert.equal(result.code, 2);
  assert.match(result.stderr, /Unknown benchmark "nonexistent"\./);
  assert.match(result.stderr, /Pass one or more of: passing, throwing\./);
});

test('unknown --only name lists the real suites', { timeout }, async () => {
  const realSuitesDir = path.join(benchDir, 'suites');
  const files = (await readdir(realSuitesDir)).filter((file) => file.endsWith('.mjs')).sort();
  const names = [];
  for (const file of files) {
    names.push((await import(pathToFileURL(path.join(realSuitesDir, file)).href)).name);
  }

  const result = await runBench(['--only', 'nonexistent']);

  assert.equal(result.code, 2);
  assert.ok(names.length > 0, 'bench/suites has no suite');
  assert.ok(
    result.stderr.includes(`Pass one or more of: ${names.join(', ')}.`),
    `stderr does not list ${names.join(', ')}:\n${result.stderr}`,
  );
});

test('throwing suite fails the run by name', { timeout }, async () => {
  const output = path.join(scratchDir, 'failed.md');

  const result = await runBench(['--suites', suitesDir, '--quick', '--output', output]);

  assert.equal(result.code, 1);
  assert.match(result.stderr, /Benchmark suite failed: throwing\./);
  assert.match(result.stderr, /the throwing suite broke/);
  const report = await readFile(output, 'utf8');
  assert.match(report, /\| Throwing suite \| failed \| — \| \*\*failed\*\* \|/);
  assert.match(report, /## Throwing suite\n\nFailed:\n\n```\nthe throwing suite broke\n```/);
  assert.match(report, /## Passing suite\n\nPassing section, quick: true/);
});

test('report states machine, command and date', { timeout }, async () => {
  const output = path.join(scratchDir, 'passing.md');
  const dayBefore = new Date().toISOString().slice(0, 10);

  const result = await runBench(['--suites', suitesDir, '--only', 'passing', '--output', output]);

  const dayAfter = new Date().toISOString().slice(0, 10);
  assert.equal(result.code, 0, result.stderr);
  const report = await readFile(output, 'utf8');
  const command = `node bench/run.mjs --suites ${suitesDir} --only passing --output ${output}`;
  assert.ok(report.includes(`- Command: \`${command}\``), report);
  const date = /^- Date: (\d{4}-\d{2}-\d{2})$/m.exec(report)?.[1];
  assert.ok(date === dayBefore || date === dayAfter, `date ${date} in:\n${report}`);
  assert.match(report, new RegExp(`^- Machine: ${os.cpus().length} × .+, \\d+ GiB, .+$`, 'm'));
  assert.match(report, new RegExp(`^- Node\\.js: ${process.version.replaceAll('.', '\\.')}$`, 'm'));
  assert.match(report, /\| Passing suite \| passing summary \| — \| — \|/);
  assert.doesNotMatch(report, /Throwing suite/);
});

test('suite without run() exits 2 naming the file', { timeout }, async () => {
  const dir = path.join(scratchDir, 'incomplete');
  await writeSuites(dir, { '10-incomplete.mjs': "export const name = 'incomplete';\n" });

  const result = await runBench(['--suites', dir, '--output', path.join(scratchDir, 'x.md')]);

  assert.equal(result.code, 2);
  assert.ok(result.stderr.includes(path.join(dir, '10-incomplete.mjs')), result.stderr);
  assert.match(result.stderr, /does not export title, run\./);
});

test('unknown option exits 2 with the usage', { timeout }, async () => {
  const result = await runBench(['--rounds', '3']);

  assert.equal(result.code, 2);
  assert.match(result.stderr, /Unknown option '--rounds'/);
  assert.match(result.stderr, /Usage: node bench\/run\.mjs/);
});
