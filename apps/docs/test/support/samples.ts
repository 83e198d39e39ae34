import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Folder that scripts/generate-code-samples.mjs writes during the docs build. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../build/samples/', import.meta.url));

/** Credentials of the right shape: the mock accepts any UUIDs. */
export const MOCK_API_TOKEN = '00000000-0000-4000-8000-000000000001';
export const MOCK_ACCOUNT_ID = '00000000-0000-4000-8000-000000000002';

/** One entry of build/samples/manifest.json. */
export interface SampleEntry {
  operationId: string;
  method: string;
  path: string;
  successStatus: number;
  /** Path of the cURL sample, relative to SAMPLES_DIR. */
  curl: string;
  /** Path of the TypeScript sample, relative to SAMPLES_DIR. */
  typescript: string;
}

/**
 * Reads the sample manifest. Test files call it while vitest collects them, so a missing build
 * fails with the command that fixes it instead of an empty test list.
 */
export function readSampleManifest(): SampleEntry[] {
  const manifestPath = `${SAMPLES_DIR}manifest.json`;
  if (!existsSync(manifestPath)) {
    throw new Error(
      `No code samples at ${manifestPath}. Build the docs first: npm run build -w @pulse-engagement/docs`,
    );
  }
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as SampleEntry[];
}
