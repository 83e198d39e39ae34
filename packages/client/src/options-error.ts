/**
 * Thrown by `createPulseClient` when an option is missing or malformed. `option` names the
 * offending option; the message never contains the API token or the account id.
 */
export class PulseOptionsError extends TypeError {
  override readonly name = 'PulseOptionsError';

  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}
