import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPulseClient, PulseOptionsError } from '../src/index.js';
import { isBrowserRuntime, type RuntimeGlobals } from '../src/runtime-check.js';
import { accountId, apiToken } from './support/client.js';

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36';
const node = { versions: { node: '22.12.0' } };

describe('isBrowserRuntime', () => {
  it.each<[string, RuntimeGlobals, boolean]>([
    ['Node 20', { process: node }, false],
    ['Node 22 with navigator', { process: node, navigator: { userAgent: 'Node.js/22' } }, false],
    ['a browser page', { window: {}, document: {}, navigator: { userAgent: chrome } }, true],
    ['jsdom under Node', { window: {}, document: {}, process: node }, true],
    ['a web worker', { navigator: { userAgent: chrome } }, true],
    [
      'a browser bundle with a process shim',
      { navigator: { userAgent: chrome }, process: { versions: {} } },
      true,
    ],
    ['Deno', { navigator: { userAgent: 'Deno/2.1.4' } }, false],
  ])('%s is %s', (_case, globals, expected) => {
    expect(isBrowserRuntime(globals)).toBe(expected);
  });
});

describe('createPulseClient in a browser', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('throws PulseOptionsError', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});

    const create = () => createPulseClient({ apiToken, accountId });

    expect(create).toThrow(PulseOptionsError);
    expect(create).toThrow(/no CORS headers/);
    expect(create).toThrow(/dangerouslyAllowBrowser/);
  });

  it('allows dangerouslyAllowBrowser', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});

    expect(() =>
      createPulseClient({ apiToken, accountId, dangerouslyAllowBrowser: true }),
    ).not.toThrow();
  });
});
