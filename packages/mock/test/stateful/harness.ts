// A test-only HTTP server for the stateful engine. It validates nothing: it routes each request
// by the spec's path templates, hands it to the engine and writes the engine's response.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveBundledSpecPath } from '../../src/document.js';
import {
  createStatefulEngine,
  type StatefulEngine,
  type StatefulEngineOptions,
  type StatefulRequest,
} from '../../src/stateful/engine.js';

/** The bundled spec, spec/dist/openapi.json, parsed once per test file. */
export const bundledDocument: Record<string, unknown> = JSON.parse(
  readFileSync(resolveBundledSpecPath(), 'utf8'),
);

/** A running harness server. */
export interface Harness {
  url: string;
  engine: StatefulEngine;
  close(): Promise<void>;
}

interface Route {
  pattern: RegExp;
  parameterNames: string[];
  operations: Map<string, string>;
}

/** Starts the harness on 127.0.0.1 with a free port, around a new engine. */
export async function startHarness(options: StatefulEngineOptions = {}): Promise<Harness> {
  const engine = createStatefulEngine(bundledDocument, options);
  const routes = compileRoutes(bundledDocument);
  const server = createServer((request, response) => {
    serve(engine, routes, request, response).catch((error: unknown) => {
      writeJson(response, 500, { message: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    engine,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(
  engine: StatefulEngine,
  routes: Route[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://harness.invalid');
  const method = (request.method ?? 'GET').toUpperCase();
  const text = await readBody(request);
  const match = matchRoute(routes, url.pathname);
  const operationId = match?.route.operations.get(method);
  if (match === undefined || operationId === undefined) {
    writeJson(response, 404, { message: `No operation ${method} ${url.pathname} in the spec.` });
    return;
  }

  const statefulRequest: StatefulRequest = {
    operationId,
    method,
    path: url.pathname,
    pathParams: match.pathParams,
    query: parseQuery(url.searchParams),
    body: text === '' ? undefined : JSON.parse(text),
  };
  const result = engine.handle(statefulRequest);
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, value);
  if (result.body === undefined) {
    response.writeHead(result.status).end();
  } else {
    writeJson(response, result.status, result.body);
  }
}

function compileRoutes(document: Record<string, unknown>): Route[] {
  const paths = document.paths as Record<string, Record<string, { operationId?: string }>>;
  const routes = Object.entries(paths).map(([template, item]) => {
    const parameterNames: string[] = [];
    const source = template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
      parameterNames.push(name);
      return '([^/]+)';
    });
    const operations = new Map<string, string>();
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId !== undefined) {
        operations.set(method.toUpperCase(), operation.operationId);
      }
    }
    return { pattern: new RegExp(`^${source}$`), parameterNames, operations };
  });
  // Literal segments win over parameters: /contacts/search is not /contacts/{id}.
  return routes.sort((left, right) => left.parameterNames.length - right.parameterNames.length);
}

function matchRoute(
  routes: Route[],
  path: string,
): { route: Route; pathParams: Record<string, string> } | undefined {
  for (const route of routes) {
    const found = route.pattern.exec(path);
    if (found === null) continue;
    const pathParams = Object.fromEntries(
      route.parameterNames.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? '')]),
    );
    return { route, pathParams };
  }
  return undefined;
}

function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of search) {
    const existing = query[name];
    if (existing === undefined) query[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[name] = [existing, value];
  }
  return query;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
