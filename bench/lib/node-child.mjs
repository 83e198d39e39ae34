// Starts benchmark servers and workers as child Node processes, talking to them over an IPC
// channel. Children run with `process.execPath` directly, so they use the same Node binary as
// the benchmark, and they are stopped by their own PID.
import { spawn } from 'node:child_process';

// Time a child gets to exit after SIGTERM before it gets SIGKILL.
const STOP_TIMEOUT_MS = 5_000;

/**
 * Spawns `node [execArgv] script [args]` with an IPC channel. stdout and stderr go to the
 * benchmark's stderr, so that the report on stdout stays clean.
 */
export function spawnNode(script, { args = [], execArgv = [], env } = {}) {
  return spawn(process.execPath, [...execArgv, script, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: env ?? process.env,
  });
}

/**
 * Resolves with the first IPC message of `type` from `child`. Rejects when the child sends
 * `{ type: 'error' }`, exits first, or `timeoutMs` passes.
 */
export function waitForMessage(child, type, timeoutMs, label) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`${label} sent no "${type}" message within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    const onMessage = (message) => {
      if (message?.type === type) finish(undefined, message);
      else if (message?.type === 'error') finish(new Error(`${label} failed: ${message.message}`));
    };
    const onExit = (code, signal) =>
      finish(new Error(`${label} exited (code ${code}, signal ${signal}) before "${type}".`));
    function finish(error, message) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * Stops a child by its PID: SIGTERM, then SIGKILL if it has not exited after
 * `STOP_TIMEOUT_MS`. Resolves once it has exited. Safe to call on a child that already exited.
 */
export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs a worker script to completion and resolves with its `{ type: 'result' }` message.
 * Rejects when the worker fails, exits without a result, or runs longer than `timeoutMs`. A
 * worker that has not exited `STOP_TIMEOUT_MS` after its result is stopped. `onMessage`, if
 * given, receives every message, such as progress reports.
 */
export async function runWorker(script, { args, execArgv, timeoutMs, label, onMessage }) {
  const child = spawnNode(script, { args, execArgv });
  if (onMessage !== undefined) child.on('message', onMessage);
  try {
    const result = await waitForMessage(child, 'result', timeoutMs, label);
    // The worker writes files such as a CPU profile as it exits, so it gets time to finish.
    await waitForExit(child, STOP_TIMEOUT_MS);
    return result;
  } finally {
    await stopChild(child);
  }
}

function waitForExit(child, timeoutMs) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(resolve, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Runs `main` in a child script and sends its value to the parent as
 * `{ type: 'result', ... }`, or `{ type: 'error', message }` if it throws. Then exits, because
 * open keep-alive sockets could keep the child alive, and `--cpu-prof` writes its profile at exit.
 */
export async function reportToParent(main) {
  let message;
  try {
    message = { type: 'result', ...(await main()) };
  } catch (error) {
    message = { type: 'error', message: error?.stack ?? String(error) };
    process.exitCode = 1;
  }
  process.send(message, () => process.exit());
}
