import { accessSync, constants } from 'node:fs';

/** Environment variable that points the browser test at another Chromium or Chrome binary. */
export const CHROMIUM_PATH_ENV = 'PULSE_CHROMIUM_PATH';

/** Debian's Chromium, which .ci/run installs. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Returns the Chromium executable for the browser test, or throws an error that explains how
 * to install it. The test never installs it, because that needs root and the network.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[CHROMIUM_PATH_ENV];
  const path = configured !== undefined && configured !== '' ? configured : DEFAULT_CHROMIUM_PATH;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    const source = path === configured ? CHROMIUM_PATH_ENV : 'the default path';
    throw new Error(
      `Chromium not found at ${path} (${source}). The docs browser test drives Chromium: ` +
        'install it with `sudo apt-get install chromium` on Debian or Ubuntu, or set ' +
        `${CHROMIUM_PATH_ENV} to a Chromium or Chrome executable.`,
    );
  }
  return path;
}
