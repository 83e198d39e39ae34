/** Outcome of one attempt. */
export type AttemptOutcome =
  | { kind: 'response'; response: Response }
  /** The per-attempt time limit ran out. */
  | { kind: 'timeout'; cause: unknown }
  /** The caller's signal aborted; `reason` is its abort reason. */
  | { kind: 'aborted'; reason: unknown }
  /** `fetch` rejected, usually because the network failed. */
  | { kind: 'failed'; error: unknown };

/** Request, body and time limit of one attempt. */
export interface Attempt {
  fetch: (input: Request) => Promise<Response>;
  /** The request as openapi-fetch built it; its body has already been read. */
  template: Request;
  /** The body, read once before the first attempt so that every attempt sends it intact. */
  body: ArrayBuffer | null;
  timeoutMs: number;
  callerSignal: AbortSignal;
}

/** Statuses whose response cannot have a body (Fetch standard, "null body status"). */
export const nullBodyStatuses: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * Sends one attempt and reads its whole body within `timeoutMs`. Reading the body inside the
 * attempt makes the time limit cover a body that trickles in, and lets a reset during the body
 * count as a failed attempt. The returned response contains the whole body.
 */
export async function sendAttempt(attempt: Attempt): Promise<AttemptOutcome> {
  const { callerSignal } = attempt;
  // One controller aborts the attempt on the caller's abort or at the time limit, whichever
  // comes first, with the reason of the first. AbortSignal.any() would do the same with one more
  // AbortSignal per attempt, and creating AbortSignals is a large part of the client's own
  // CPU time per request in Node 20 (profiled by bench/suites/10-overhead.mjs).
  const attemptController = new AbortController();
  const signal = attemptController.signal;
  const forwardCallerAbort = () => attemptController.abort(callerSignal.reason);
  if (callerSignal.aborted) forwardCallerAbort();
  else callerSignal.addEventListener('abort', forwardCallerAbort, { once: true });
  const timer = setTimeout(
    () => attemptController.abort(new DOMException('The attempt timed out.', 'TimeoutError')),
    attempt.timeoutMs,
  );
  try {
    const exchange = exchangeOnce(attempt, signal);
    // A fetch that ignores the signal must still not outlive the time limit.
    return { kind: 'response', response: await raceAbort(exchange, signal) };
  } catch (error) {
    // Checked first, because the caller's abort also aborts the attempt's signal.
    if (callerSignal.aborted) return { kind: 'aborted', reason: callerSignal.reason };
    if (signal.aborted) return { kind: 'timeout', cause: error };
    return { kind: 'failed', error };
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener('abort', forwardCallerAbort);
  }
}

async function exchangeOnce(attempt: Attempt, signal: AbortSignal): Promise<Response> {
  const response = await attempt.fetch(
    new Request(attempt.template, { body: attempt.body, signal }),
  );
  if (nullBodyStatuses.has(response.status)) {
    await response.body?.cancel();
    return new Response(null, copyInit(response));
  }
  return new Response(await response.arrayBuffer(), copyInit(response));
}

function copyInit(response: Response): ResponseInit {
  return { status: response.status, statusText: response.statusText, headers: response.headers };
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // A promise that lost the race is no longer awaited, so its rejection must not go unhandled.
  promise.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    // Throwing in the executor rejects the promise, here with `signal.reason`.
    signal.throwIfAborted();
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a caller's abort reason is passed on as is and need not be an Error.
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
