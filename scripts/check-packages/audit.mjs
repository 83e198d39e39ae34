// Runs `npm audit` over the packed client alone, the package that every application calling
// the API installs, and fails on a high or critical advisory in what it pulls in at run time.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand, runOrThrow, tail } from './run-command.mjs';

const auditTimeoutMs = 120_000;
const failingSeverities = new Set(['high', 'critical']);

/**
 * Writes a project in `directory` that depends on the client tarball only, locks its
 * dependencies, and returns one error per package with a high or critical advisory. `registry`
 * replaces npm's configured registry for the audit request, which sends the dependency tree
 * to that registry.
 */
export async function auditClient(directory, clientTarball, { registry } = {}) {
  await mkdir(directory, { recursive: true });
  const manifest = {
    name: 'pulse-client-audit',
    private: true,
    dependencies: { '@pulse-engagement/client': `file:${clientTarball}` },
  };
  await writeFile(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await runOrThrow(
    'npm install --package-lock-only for the audit',
    'npm',
    ['install', '--package-lock-only', '--prefer-offline', '--no-audit', '--no-fund'],
    { cwd: directory, timeoutMs: auditTimeoutMs },
  );

  // A cache of its own, because npm 11 reuses the advisory details that an earlier audit
  // cached under the same package and advisory id, even from another registry.
  const args = ['audit', '--omit=dev', '--audit-level=high', '--json'];
  args.push('--cache', join(directory, 'npm-cache'));
  if (registry !== undefined) args.push('--registry', registry);
  const result = await runCommand('npm', args, { cwd: directory, timeoutMs: auditTimeoutMs });
  return readAuditReport(result);
}

/**
 * Returns one error per package with a high or critical advisory in the output of
 * `npm audit --json`, or throws when npm could not audit at all. Packages that are vulnerable
 * only through a dependency, such as the client itself, get no error of their own.
 */
export function readAuditReport({ status, stdout, stderr, timedOut }) {
  if (timedOut) {
    throw new Error(`npm audit timed out after ${auditTimeoutMs / 1000} s.`);
  }
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    throw new Error(
      `npm audit exited with status ${status} without a JSON report:\n${tail(stderr)}`,
    );
  }
  if (report.error !== undefined) {
    throw new Error(
      `npm audit failed: ${report.error.summary ?? report.error.code}. It needs the registry ` +
        'to be reachable.',
    );
  }

  const errors = [];
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    const advisories = vulnerability.via.filter(
      (via) => typeof via === 'object' && failingSeverities.has(via.severity),
    );
    if (advisories.length === 0) continue;
    const listed = advisories
      .map(({ title, severity, range, url }) => `${title} (${severity}, versions ${range}, ${url})`)
      .join('; ');
    errors.push(
      `npm audit: ${name}, which the client installs at run time, has ${listed}. Update the ` +
        'dependency in packages/client/package.json to a fixed version.',
    );
  }
  if (errors.length === 0 && status !== 0) {
    throw new Error(`npm audit exited with status ${status}:\n${tail(`${stdout}\n${stderr}`)}`);
  }
  return errors;
}
