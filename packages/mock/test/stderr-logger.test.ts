import { describe, expect, it } from 'vitest';
import { createStderrLogger } from '../src/cli/stderr-logger.js';

function capture(): { lines: string[]; logger: ReturnType<typeof createStderrLogger> } {
  const lines: string[] = [];
  return { lines, logger: createStderrLogger((line) => lines.push(line)) };
}

describe('createStderrLogger', () => {
  it('writes one line per request', () => {
    const { lines, logger } = capture();

    logger.info(
      { method: 'GET', path: '/contacts', operationId: 'listContacts', status: 200, durationMs: 3 },
      'Request handled',
    );

    expect(lines).toEqual(['GET /contacts 200 listContacts 3ms\n']);
  });

  it('adds the validation errors to the request line', () => {
    const { lines, logger } = capture();

    logger.info(
      {
        method: 'POST',
        path: '/contacts',
        operationId: 'createContact',
        status: 422,
        durationMs: 5,
        errors: ['body.firstName is required', 'body.locations[0].state is required'],
      },
      'Request handled',
    );

    expect(lines).toEqual([
      'POST /contacts 422 createContact 5ms: body.firstName is required; body.locations[0].state is required\n',
    ]);
  });

  it('writes a dash for an unrouted request', () => {
    const { lines, logger } = capture();

    logger.info({ method: 'GET', path: '/nope', status: 404, durationMs: 1 }, 'Request handled');

    expect(lines).toEqual(['GET /nope 404 - 1ms\n']);
  });

  it('writes other entries with their level and fields', () => {
    const { lines, logger } = capture();

    logger.warn({ code: 'HPE_HEADER_OVERFLOW', seed: undefined }, 'Rejected a request');
    logger.error({ err: new Error('boom'), port: 4010 }, 'Failed');

    expect(lines).toEqual([
      'warn: Rejected a request code="HPE_HEADER_OVERFLOW"\n',
      'error: Failed err="boom" port=4010\n',
    ]);
  });
});
