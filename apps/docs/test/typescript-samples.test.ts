import { pathToFileURL } from 'node:url';
import { startMockServer, type MockResponseEvent, type MockServer } from '@pulse-engagement/mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MOCK_ACCOUNT_ID,
  MOCK_API_TOKEN,
  readSampleManifest,
  SAMPLES_DIR,
} from './support/samples.js';

// The `typecheck` task compiles every sample with tsc. These tests also run each one, as a
// reader who copies it would: importing the module runs its top-level await once.
const SAMPLE_TIMEOUT_MS = 10_000;

const samples = readSampleManifest();

async function importWithTimeout(file: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${file} did not finish within ${SAMPLE_TIMEOUT_MS} ms`)),
      SAMPLE_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([import(pathToFileURL(file).href), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('TypeScript samples against the mock', () => {
  let server: MockServer;
  const responses: MockResponseEvent[] = [];
  const savedEnvironment = { ...process.env };

  beforeAll(async () => {
    server = await startMockServer({ port: 0, onResponse: (event) => responses.push(event) });
    process.env.PULSE_BASE_URL = server.url;
    process.env.PULSE_API_TOKEN = MOCK_API_TOKEN;
    process.env.PULSE_ACCOUNT_ID = MOCK_ACCOUNT_ID;
  });

  afterAll(async () => {
    process.env = savedEnvironment;
    vi.restoreAllMocks();
    await server?.close();
  });

  beforeEach(() => {
    responses.length = 0;
  });

  it.each(samples.map((sample) => [sample.operationId, sample] as const))(
    '%s gets a 2xx',
    async (operationId, sample) => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      log.mockClear();

      await importWithTimeout(`${SAMPLES_DIR}${sample.typescript}`);

      expect(responses.map((event) => event.operationId)).toEqual([operationId]);
      expect(responses[0]?.status).toBe(sample.successStatus);
      if (sample.successStatus === 204) {
        expect(log).not.toHaveBeenCalled();
      } else {
        expect(log).toHaveBeenCalledOnce();
        expect(log.mock.calls[0]?.[0]).toBeTypeOf('object');
      }
    },
  );
});
