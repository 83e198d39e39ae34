// Runs the external commands of the package check (npm, tar, tsc, attw, node) with a time limit.
import { spawn } from 'node:child_process';

// Process group ids of the commands still running, so that a signal to the check can end them.
const runningGroups = new Set();

/**
 * Runs `command` with `args` and resolves with `{ status, signal, stdout, stderr, timedOut }`
 * once it exits. The command leads its own process group, so that a time-out also ends the
 * processes it started, such as the scripts of `npm install`. It never rejects for a non-zero
 * status, only when the command cannot be started.
 */
export function runCommand(command, args, { cwd, env = {}, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));

    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    if (child.pid !== undefined) runningGroups.add(child.pid);

    child.on('error', (error) => {
      clearTimeout(timer);
      runningGroups.delete(child.pid);
      reject(new Error(`Cannot start ${command} in ${cwd}: ${error.message}`));
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      runningGroups.delete(child.pid);
      resolve({ status, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Runs a command like `runCommand` and resolves with its standard output, or rejects with an
 * error that names `label`, the exit status or time-out, and the end of the output.
 */
export async function runOrThrow(label, command, args, options) {
  const result = await runCommand(command, args, options);
  if (result.status === 0) return result.stdout;

  const reason = result.timedOut
    ? `timed out after ${options.timeoutMs / 1000} s`
    : `failed with exit status ${result.status ?? result.signal}`;
  throw new Error(`${label} ${reason}:\n${tail(`${result.stdout}\n${result.stderr}`)}`);
}

/** Ends every command that is still running, for a check that stops on a signal. */
export function stopRunningCommands() {
  for (const pid of runningGroups) killGroup(pid);
  runningGroups.clear();
}

/** Returns the last `count` non-empty lines of `text`, indented for an error message. */
export function tail(text, count = 40) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines
    .slice(-count)
    .map((line) => `    ${line}`)
    .join('\n');
}

function killGroup(pid) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    // ESRCH: the group has already exited.
    if (error.code !== 'ESRCH') throw error;
  }
}
