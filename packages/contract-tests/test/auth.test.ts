import { describe, expect, it } from 'vitest';
import { authHeaders, mockUrl } from './support/credentials.js';
import { prepareSample, sampleRequests, send } from './support/sample-requests.js';
import { responseProblems } from './support/spec-validator.js';

describe('authentication', () => {
  it.each(sampleRequests)('$operationId succeeds with both headers', async (sample) => {
    const prepared = await prepareSample(mockUrl(), sample);
    const { status } = await send(mockUrl(), prepared, authHeaders);

    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(300);
  });

  it.each(sampleRequests)('$operationId rejects a missing Authorization', async (sample) => {
    const { status, body } = await send(mockUrl(), sample, {
      'X-Account': authHeaders['X-Account'],
    });

    expect(status).toBe(401);
    expect(responseProblems(sample.operationId, 401, body)).toEqual([]);
    expect((body as { message: string }).message).toMatch(/Authorization/);
  });

  it.each(sampleRequests)('$operationId rejects a missing X-Account', async (sample) => {
    const { status, body } = await send(mockUrl(), sample, {
      Authorization: authHeaders.Authorization,
    });

    expect(status).toBe(401);
    expect(responseProblems(sample.operationId, 401, body)).toEqual([]);
    expect((body as { message: string }).message).toMatch(/X-Account/);
  });

  it('keeps header values out of the 401 body', async () => {
    const sample = sampleRequests[0]!;
    const { body } = await send(mockUrl(), sample, { 'X-Account': authHeaders['X-Account'] });

    expect(JSON.stringify(body)).not.toContain(authHeaders['X-Account']);
  });
});
