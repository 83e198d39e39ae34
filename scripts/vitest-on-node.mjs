#!/usr/bin/env node
// @ts-check
// Runs `vitest run` in the current directory on another Node.js release, one of those that the
// root postinstall installs under scripts/runtimes. vitest starts its test workers with
// `process.execPath`, so every test runs on that binary. The script passes the major version in
// PULSE_EXPECTED_NODE_MAJOR, so that a test can check which Node.js ran it.
//
// Usage: node ../../scripts/vitest-on-node.mjs <major> [vitest options]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const FORWARDED_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM']);

/** An invalid command line, reported with exit code 2. */
export class UsageError extends Error {}

/**
 * Returns the path of the Node.js binary for a major version, such as
 * scripts/runtimes/node_modules/node22/bin/node. Throws `UsageError` for an argument that is no
 * major version, and `Error` when the binary is not installed.
 * @param {string | undefined} major
 * @param {string} [root] repository root
 */
export function findRuntime(major, root = REPO_ROOT) {
  if (major === undefined || !/^[1-9][0-9]*$/.test(major)) {
    throw new UsageError(
      `Invalid Node.js major version ${JSON.stringify(major ?? '')}: pass a number such as 22. ` +
        'Usage: node scripts/vitest-on-node.mjs <major> [vitest options]',
    );
  }
  const binary = join(root, 'scripts/runtimes/node_modules', `node${major}`, 'bin/node');
  if (!existsSync(binary)) {
    throw new Error(
      `Node.js ${major} not found at ${relative(root, binary)}. Run \`npm ci\` at the repository ` +
        'root: its postinstall installs the Node.js binaries listed in scripts/runtimes/package.json.',
    );
  }
  return binary;
}

/**
 * Returns the path of the vitest command-line entry that a package in `directory` resolves.
 * @param {string} directory
 */
function findVitest(directory) {
  const require = createRequire(join(directory, 'package.json'));
  const manifestPath = require.resolve('vitest/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), manifest.bin.vitest);
}

function main() {
  const [major, ...vitestOptions] = process.argv.slice(2);
  let binary;
  try {
    binary = findRuntime(major);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
    return;
  }

  process.stdout.write(`Running vitest on ${relative(REPO_ROOT, binary)}\n`);
  const child = spawn(binary, [findVitest(process.cwd()), 'run', ...vitestOptions], {
    stdio: 'inherit',
    env: { ...process.env, PULSE_EXPECTED_NODE_MAJOR: major },
  });
  // Without a handler a signal would end this script and leave vitest running.
  for (const signal of FORWARDED_SIGNALS) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    process.stderr.write(`Failed to start ${binary}: ${error.message}\n`);
    process.exitCode = EXIT_FAILURE;
  });
  child.on('exit', (code, signal) => {
    if (signal !== null) process.stderr.write(`vitest on Node.js ${major} stopped by ${signal}.\n`);
    process.exitCode = code ?? EXIT_FAILURE;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
