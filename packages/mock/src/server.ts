import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { loadDocument } from './document.js';
import { createResponseBodyGenerator } from './dynamic/response-body.js';
import { handleRequest, rejectUnparsableRequest, type RequestContext } from './handler.js';
import {
  resolveOptions,
  type MockMode,
  type MockServerOptions,
  type ResolvedMockServerOptions,
} from './options.js';
import { createPrismInstance } from './prism-instance.js';
import {
  createStatefulEngine,
  type StatefulEngine,
  type StatefulEngineOptions,
} from './stateful/engine.js';

/** Running mock server. */
export interface MockServer {
  /** Base URL, such as `http://127.0.0.1:4010`. */
  url: string;
  /** Interface the server listens on. */
  host: string;
  /** Port the server listens on, which is the chosen free port when 0 was requested. */
  port: number;
  /** Mode that builds successful responses: static, dynamic or stateful. */
  mode: MockMode;
  /**
   * Seed of generated bodies: the seed option as a string, or in static and dynamic mode without
   * one, the random seed picked at start. In stateful mode, the seed option passed to the engine.
   */
  seed: string | undefined;
  /** Stops accepting requests, ends open connections and resolves once the server is closed. */
  close(): Promise<void>;
}

/** Parts of the server that tests replace, such as the stateful engine. */
export interface MockServerDependencies {
  createStatefulEngine: (document: object, options?: StatefulEngineOptions) => StatefulEngine;
}

/**
 * Starts an HTTP server that mocks the Pulse Engagement Cloud API from an OpenAPI document,
 * running Prism's engine in this process.
 */
export function startMockServer(options?: MockServerOptions): Promise<MockServer> {
  return startMockServerWith({ createStatefulEngine }, options);
}

/**
 * Starts the server as `startMockServer` does, with the given dependencies. The package does not
 * export it: it lets tests run stateful mode with a fake engine.
 */
export async function startMockServerWith(
  dependencies: MockServerDependencies,
  options?: MockServerOptions,
): Promise<MockServer> {
  const resolved = resolveOptions(options);
  const { host, port, logger, mode } = resolved;
  const document = await loadDocument(resolved.document);

  // Prism dereferences the document it reads in place, so the generator and the engine each get
  // a copy made before Prism reads it.
  const generator = createResponseBodyGenerator(structuredClone(document));
  const engine =
    mode === 'stateful'
      ? createEngine(dependencies, structuredClone(document), resolved)
      : undefined;
  const prism = await createPrismInstance(document);
  const seed = resolved.seed ?? randomBytes(4).toString('hex');
  const context: RequestContext = {
    prism,
    logger,
    onResponse: resolved.onResponse,
    mode,
    seed,
    generator,
    engine,
  };

  const server = createServer((request, response) => {
    handleRequest(context, request, response).catch((error: unknown) => {
      logger.error({ err: error, method: request.method }, 'Failed to send the mock response');
      response.destroy();
    });
  });

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    rejectUnparsableRequest(error, socket, logger);
  });

  const address = await listen(server, host, port);
  const reportedSeed = mode === 'stateful' ? resolved.seed : seed;
  logger.info(
    { host, port: address.port, operations: prism.operationCount, mode, seed: reportedSeed },
    'Mock server started',
  );

  let closing: Promise<void> | undefined;
  return {
    url: `http://${formatHost(host)}:${address.port}`,
    host,
    port: address.port,
    mode,
    seed: reportedSeed,
    close() {
      closing ??= stop(server).then(() =>
        logger.info({ host, port: address.port }, 'Mock server stopped'),
      );
      return closing;
    },
  };
}

function createEngine(
  dependencies: MockServerDependencies,
  document: object,
  resolved: ResolvedMockServerOptions,
): StatefulEngine {
  const options: StatefulEngineOptions = {};
  if (resolved.seed !== undefined) options.seed = resolved.seed;
  if (resolved.seedData !== undefined) options.seedData = resolved.seedData;
  try {
    return dependencies.createStatefulEngine(document, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Failed to start stateful mode: ${reason}`, { cause: error });
  }
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.close();
      reject(listenError(error, host, port));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new Error(
      `Port ${port} on ${host} is already in use. Stop the process that uses it, or pass another port (0 picks a free one).`,
      { cause: error },
    );
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new Error(
      `Cannot listen on host ${host}: it is not an address of this machine. Use 127.0.0.1 or another local address.`,
      {
        cause: error,
      },
    );
  }
  return new Error(`Failed to listen on ${host}:${port}: ${error.message}`, { cause: error });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections would hold close() open until they time out.
    server.closeAllConnections();
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
