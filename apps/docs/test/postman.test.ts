import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startMockServer, type MockResponseEvent, type MockServer } from '@pulse-engagement/mock';
import newman, { type NewmanRunSummary } from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/generate-postman-collection.mjs writes these during the docs build.
const POSTMAN_DIR = fileURLToPath(new URL('../dist/postman/', import.meta.url));
const COLLECTION_FILE = 'pulse-engagement.postman_collection.json';
const ENVIRONMENT_FILES = {
  production: 'pulse-engagement-production.postman_environment.json',
  staging: 'pulse-engagement-staging.postman_environment.json',
  localMock: 'pulse-engagement-local-mock.postman_environment.json',
};
// The whole run took about 5 s on a 2-core machine, so these bounds leave room for load.
const RUN_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

interface PostmanVariable {
  key: string;
  value: string;
  disabled?: boolean;
}
interface PostmanRequestItem {
  name: string;
  request: {
    method: string;
    header: PostmanVariable[];
    url: { raw: string; host: string[]; path: string[]; query?: PostmanVariable[] };
    body?: { mode: string; raw: string };
  };
  event: { listen: string; script: { exec: string[] } }[];
}
interface PostmanCollection {
  info: { schema: string };
  item: { name: string; item: PostmanRequestItem[] }[];
}
interface PostmanEnvironment {
  name: string;
  values: PostmanVariable[];
}
interface Document {
  tags: { name: string }[];
  paths: Record<string, Record<string, { operationId?: string }>>;
}

function readJson<T>(file: string): T {
  const path = `${POSTMAN_DIR}${file}`;
  if (!existsSync(path)) {
    throw new Error(
      `No Postman file at ${path}. Build the docs first: npm run build -w @pulse-engagement/docs`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function variable(environment: PostmanEnvironment, key: string): string | undefined {
  return environment.values.find((entry) => entry.key === key)?.value;
}

function runCollection(
  collection: PostmanCollection,
  environment: PostmanEnvironment,
): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection,
        environment,
        reporters: [],
        timeout: RUN_TIMEOUT_MS,
        timeoutRequest: REQUEST_TIMEOUT_MS,
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
  });
}

const bundled = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve('@pulse-engagement/spec/openapi.json'),
    'utf8',
  ),
) as Document;
const operationCount = Object.values(bundled.paths).flatMap((item) =>
  ['get', 'put', 'post', 'delete', 'patch'].filter((method) => item[method] !== undefined),
).length;

describe('Postman collection', () => {
  const collection = readJson<PostmanCollection>(COLLECTION_FILE);
  const requests = collection.item.flatMap((folder) => folder.item);

  it('uses collection format v2.1', () => {
    expect(collection.info.schema).toBe(
      'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    );
  });

  it('has one folder per tag, in spec order', () => {
    expect(collection.item.map((folder) => folder.name)).toEqual(
      bundled.tags.map((tag) => tag.name),
    );
  });

  it('has one request per operation', () => {
    expect(requests).toHaveLength(operationCount);
  });

  it('authenticates every request from variables', () => {
    for (const item of requests) {
      const headers = Object.fromEntries(
        item.request.header.map((header) => [header.key, header.value]),
      );
      expect(headers.Authorization, item.name).toBe('API-TOKEN {{apiToken}}');
      expect(headers['X-Account'], item.name).toBe('{{accountId}}');
      expect(item.request.url.host, item.name).toEqual(['{{baseUrl}}']);
    }
  });

  it('keeps bracket parameter names', () => {
    const listContacts = requests.find((item) => item.name === 'List contacts');
    const keys = listContacts?.request.url.query?.map((pair) => pair.key) ?? [];
    expect(keys).toContain('fields[]');
    expect(keys).toContain('sort[]');
    expect(listContacts?.request.url.raw).toContain('?fields[]=firstName&fields[]=lastName');
  });

  it('asserts a 2xx after every request', () => {
    for (const item of requests) {
      const tests = item.event.filter((event) => event.listen === 'test');
      expect(tests, item.name).toHaveLength(1);
      expect(tests[0]?.script.exec.join('\n'), item.name).toContain('within(200, 299)');
    }
  });
});

describe('Postman environments', () => {
  it.each([
    ['production', ENVIRONMENT_FILES.production, 'https://api.pulsehealth.tech'],
    ['staging', ENVIRONMENT_FILES.staging, 'https://api.pulsehealth-staging.tech'],
    ['local mock', ENVIRONMENT_FILES.localMock, 'http://127.0.0.1:4010'],
  ])('sets baseUrl for %s', (_name, file, baseUrl) => {
    const environment = readJson<PostmanEnvironment>(file);
    expect(variable(environment, 'baseUrl')).toBe(baseUrl);
    expect(variable(environment, 'apiToken')).toBeDefined();
    expect(variable(environment, 'accountId')).toBeDefined();
  });

  it('leaves real credentials empty', () => {
    for (const file of [ENVIRONMENT_FILES.production, ENVIRONMENT_FILES.staging]) {
      const environment = readJson<PostmanEnvironment>(file);
      expect(variable(environment, 'apiToken'), file).toBe('');
      expect(variable(environment, 'accountId'), file).toBe('');
    }
  });
});

describe('Postman collection run against the mock', () => {
  let server: MockServer;
  const responses: MockResponseEvent[] = [];
  let summary: NewmanRunSummary;

  beforeAll(async () => {
    server = await startMockServer({ port: 0, onResponse: (event) => responses.push(event) });
    const environment = readJson<PostmanEnvironment>(ENVIRONMENT_FILES.localMock);
    for (const entry of environment.values) {
      if (entry.key === 'baseUrl') entry.value = server.url;
    }
    summary = await runCollection(readJson<PostmanCollection>(COLLECTION_FILE), environment);
  }, RUN_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    await server?.close();
  });

  it('sends every request', () => {
    expect(summary.run.stats.requests.total).toBe(operationCount);
    expect(summary.run.stats.requests.failed).toBe(0);
  });

  it('passes every status assertion', () => {
    expect(summary.run.failures.map((failure) => failure.error.message)).toEqual([]);
    expect(summary.run.stats.assertions.total).toBe(operationCount);
    expect(summary.run.stats.assertions.failed).toBe(0);
  });

  it('reaches every operation with a 2xx', () => {
    const succeeded = new Set(
      responses
        .filter((event) => event.status >= 200 && event.status < 300)
        .map((event) => event.operationId),
    );
    expect(succeeded.size).toBe(operationCount);
  });
});
