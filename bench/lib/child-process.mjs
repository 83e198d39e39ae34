/** Child processes for the benchmark suites: timed commands, and long-lived IPC children. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** Time a child gets to exit after SIGTERM or a close message before it gets SIGKILL. */
const EXIT_GRACE_MS = 5_000;

/**
 * Runs a command to completion and resolves with its exit code, output and wall time in ms
 * (from spawn to the close of its output). It does not reject on a non-zero exit code, so the
 * caller can report the output. It rejects when the command cannot start or runs longer than
 * `timeoutMs`, after ending it by its PID.
 */
export async function runCommand(command, args, { cwd, env, timeoutMs }) {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout = [];
  const stderr = [];
  child.stdout.on('data', (chunk) => stdout.push(chunk));
  child.stderr.on('data', (chunk) => stderr.push(chunk));

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    endChild(child);
  }, timeoutMs);
  try {
    const [code, signal] = await once(child, 'close');
    const ms = performance.now() - started;
    if (timedOut) {
      throw new Error(
        `${describeCommand(command, args)} timed out after ${timeoutMs / 1000} s in ${cwd}. ` +
          'Check the output below, or raise the time limit if the machine is this slow.\n' +
          tail(Buffer.concat(stderr).toString()),
      );
    }
    return {
      code,
      signal,
      ms,
      stdout: Buffer.concat(stdout).toString(),
      stderr: Buffer.concat(stderr).toString(),
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts `node script` as a child with an IPC channel, sends it `message` when given, and
 * resolves once it replies. The child must reply `{ type: 'ready', ... }` when it is ready, and
 * exit when it receives `{ type: 'close' }` or loses the channel. Rejects, after ending the
 * child, when it exits, reports an error or does not become ready within `timeoutMs`.
 */
export async function startChild(script, { message, execArgv = [], timeoutMs }) {
  const child = spawn(process.execPath, [...execArgv, script], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  child.stderrText = () => Buffer.concat(stderr).toString();

  try {
    if (message) child.send(message);
    const reply = await nextMessage(child, timeoutMs, `start ${script}`);
    if (reply.type !== 'ready') {
      throw new Error(`${script} failed to start: ${reply.error ?? JSON.stringify(reply)}`);
    }
    return { child, ready: reply };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** Sends `message` to an IPC child and resolves with its next reply. */
export async function requestChild(child, message, timeoutMs) {
  child.send(message);
  const reply = await nextMessage(child, timeoutMs, message.type);
  if (reply.type === 'error') {
    throw new Error(`Child process ${child.pid} failed to ${message.type}: ${reply.error}`);
  }
  return reply;
}

/**
 * Asks an IPC child to close, waits for it to exit, and ends it by its PID with SIGKILL when it
 * has not exited after the grace period. Safe to call on a child that already exited.
 */
export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  if (child.connected) {
    child.send({ type: 'close' });
  } else {
    child.kill('SIGTERM');
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

function nextMessage(child, timeoutMs, action) {
  return new Promise((resolve, reject) => {
    const cleanUp = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (reply) => {
      cleanUp();
      resolve(reply);
    };
    const onExit = (code, signal) => {
      cleanUp();
      reject(
        new Error(
          `Child process ${child.pid} exited (code ${code}, signal ${signal}) during ${action}.\n` +
            tail(child.stderrText?.() ?? ''),
        ),
      );
    };
    const timer = setTimeout(() => {
      cleanUp();
      reject(new Error(`Child process ${child.pid} timed out after ${timeoutMs} ms: ${action}`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

function endChild(child) {
  child.kill('SIGTERM');
  setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, EXIT_GRACE_MS).unref();
}

/** Returns the last `lines` lines of a command's output, for error messages. */
export function tail(text, lines = 30) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function describeCommand(command, args) {
  return [command, ...args].join(' ');
}
