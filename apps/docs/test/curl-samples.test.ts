import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startMockServer, type MockResponseEvent, type MockServer } from '@pulse-engagement/mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MOCK_ACCOUNT_ID,
  MOCK_API_TOKEN,
  readSampleManifest,
  SAMPLES_DIR,
} from './support/samples.js';

// Each sample is one curl call to a server on this machine; 10 s is far above the usual 50 ms.
const SAMPLE_TIMEOUT_MS = 10_000;

interface Run {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a sample through bash exactly as published, with only the documented variables set.
 * Standard input is closed: Debian's bash reads ~/.bashrc when its input is a socket, which is
 * what a pipe from Node is.
 */
function runSample(source: string, baseUrl: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', source], {
      env: {
        PATH: process.env.PATH,
        PULSE_BASE_URL: baseUrl,
        PULSE_API_TOKEN: MOCK_API_TOKEN,
        PULSE_ACCOUNT_ID: MOCK_ACCOUNT_ID,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: SAMPLE_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

function commandExists(command: string): boolean {
  return spawnSync('bash', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const samples = readSampleManifest();

describe('cURL samples against the mock', () => {
  let server: MockServer;
  const responses: MockResponseEvent[] = [];

  beforeAll(async () => {
    if (!commandExists('curl')) {
      throw new Error(
        'curl is not installed. Install it to run the cURL samples: sudo apt-get install curl',
      );
    }
    server = await startMockServer({ port: 0, onResponse: (event) => responses.push(event) });
  });

  afterAll(async () => {
    await server?.close();
  });

  beforeEach(() => {
    responses.length = 0;
  });

  it.each(samples.map((sample) => [sample.operationId, sample] as const))(
    '%s gets a 2xx',
    async (operationId, sample) => {
      const source = readFileSync(`${SAMPLES_DIR}${sample.curl}`, 'utf8');

      const run = await runSample(source, server.url);

      expect(run.exitCode, `curl failed: ${run.stderr}`).toBe(0);
      expect(responses.map((event) => event.operationId)).toEqual([operationId]);
      const [response] = responses;
      expect(response?.status, JSON.stringify(response?.requestErrors)).toBe(sample.successStatus);
      if (sample.successStatus !== 204) {
        expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
      }
    },
  );
});
