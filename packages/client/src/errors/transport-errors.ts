import { PulseError, type PulseErrorDetails } from './pulse-error.js';

/**
 * No response arrived because the network failed: the connection was refused or reset, or the
 * host name did not resolve. `cause` is the error that `fetch` rejected with.
 */
export class PulseConnectionError extends PulseError {
  override readonly name = 'PulseConnectionError';
  /** The system or undici error code, such as `ECONNREFUSED` or `UND_ERR_SOCKET`, if known. */
  readonly code: string | undefined;
  /** Whether the request provably never reached the server, so resending it is safe. */
  readonly neverSent: boolean;

  constructor(
    message: string,
    details: PulseErrorDetails & { code: string | undefined; neverSent: boolean },
  ) {
    super(message, details);
    this.code = details.code;
    this.neverSent = details.neverSent;
  }
}

/** An attempt took longer than `timeoutMs`, counting from sending it to reading the body. */
export class PulseTimeoutError extends PulseError {
  override readonly name = 'PulseTimeoutError';
  /** The per-attempt time limit that ran out, in ms. */
  readonly timeoutMs: number;

  constructor(message: string, details: PulseErrorDetails & { timeoutMs: number }) {
    super(message, details);
    this.timeoutMs = details.timeoutMs;
  }
}
