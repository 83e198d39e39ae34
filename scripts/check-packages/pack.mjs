// Packs a workspace package with `npm pack` and unpacks the tarball, so that every later check
// reads the files that users install.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runOrThrow } from './run-command.mjs';

const packTimeoutMs = 60_000;

/**
 * Packs the package in `packageDir` into the folder `destination` and returns the tarball's
 * path and the paths of the files in it. Lifecycle scripts are skipped because turbo builds
 * the packages before this check runs.
 */
export async function packPackage(packageDir, destination) {
  const stdout = await runOrThrow(
    `npm pack in ${packageDir}`,
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
    { cwd: packageDir, timeoutMs: packTimeoutMs },
  );
  const [result] = JSON.parse(stdout);
  return {
    tarball: join(destination, result.filename),
    files: result.files.map(({ path }) => path),
  };
}

/** Extracts `tarball` into the folder `destination` and returns the package folder inside it. */
export async function extractTarball(tarball, destination) {
  await mkdir(destination, { recursive: true });
  await runOrThrow(`Extracting ${tarball}`, 'tar', ['-xzf', tarball, '-C', destination], {
    cwd: destination,
    timeoutMs: packTimeoutMs,
  });
  // npm pack puts every file under `package/`.
  return join(destination, 'package');
}
