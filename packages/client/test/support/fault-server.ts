import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server received it, body included. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Handler for one request, called after the server has read the whole body. */
export type FaultStep = (
  request: IncomingMessage,
  response: ServerResponse,
  schedule: (callback: () => void, ms: number) => void,
) => void;

/** A scripted server on 127.0.0.1 with a free port. */
export interface FaultServer {
  /** Base URL, such as `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** Ends every open connection and stops the server. */
  close(): Promise<void>;
}

/**
 * Starts a server that handles the n-th request with `steps[n]`, and every later one with the
 * last step. `close` ends hung and slow responses.
 */
export async function startFaultServer(steps: readonly FaultStep[]): Promise<FaultServer> {
  if (steps.length === 0) throw new Error('startFaultServer needs at least one step.');
  const received: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const schedule = (callback: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      callback();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const index = received.length;
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const step = steps[Math.min(index, steps.length - 1)]!;
      step(request, response, schedule);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: async () => {
      timers.forEach(clearTimeout);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** Returns a port on 127.0.0.1 that was just opened and closed, so connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Responds with a JSON body. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): FaultStep {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

/** Responds with a status and no body. */
export function empty(status: number, headers: Record<string, string> = {}): FaultStep {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Length': '0', ...headers });
    response.end();
  };
}

/** Responds with a plain-text or HTML body. */
export function text(status: number, body: string, contentType = 'text/html'): FaultStep {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': contentType });
    response.end(body);
  };
}

/** Destroys the connection without a response, as a crashed server or a proxy reset would. */
export function reset(): FaultStep {
  return (request) => {
    request.socket.destroy();
  };
}

/** Never responds, until the server closes. */
export function hang(): FaultStep {
  return () => {};
}

/** Sends the headers and the first half of a JSON body, then the rest after `delayMs`. */
export function slowBody(status: number, body: unknown, delayMs: number): FaultStep {
  return (_request, response, schedule) => {
    const serialized = JSON.stringify(body);
    const half = Math.floor(serialized.length / 2);
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.write(serialized.slice(0, half));
    schedule(() => response.end(serialized.slice(half)), delayMs);
  };
}
