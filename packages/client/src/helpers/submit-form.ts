import type { PulseClient } from '../client.js';
import type { paths } from '../generated/openapi.js';
import { PulseOptionsError } from '../options-error.js';
import type { PulseRequestInit, SuccessData } from '../types/call.js';
import type { OperationOf, RequestBodyOf } from '../types/operation.js';

type SubmitFormOperation = OperationOf<paths, '/forms/{uuid}/submit', 'post'>;

/** The body of `POST /forms/{uuid}/submit`: a flat contact record with a required `emailAddress`. */
export type FormSubmissionBody = RequestBodyOf<SubmitFormOperation>;

/** Outcome of a form submission: the contact id, and whether it was created or updated. */
export type FormSubmissionOutcome = SuccessData<SubmitFormOperation>;

/**
 * Submits one registration to a form with `POST /forms/{uuid}/submit`, the recommended way to
 * handle sign-ups: the API finds the contact by `emailAddress`, creates or updates it, and runs
 * the form's post-submission actions. Resolves with the outcome; rejects like any throwing call.
 */
export async function submitForm(
  pulse: PulseClient,
  uuid: string,
  body: FormSubmissionBody,
  init: PulseRequestInit = {},
): Promise<FormSubmissionOutcome> {
  if (typeof uuid !== 'string' || uuid.trim() === '') {
    throw new PulseOptionsError(
      'uuid',
      'submitForm needs the form uuid as its first argument: list the forms with GET /forms.',
    );
  }
  const { data } = await pulse.POST('/forms/{uuid}/submit', {
    ...init,
    params: { path: { uuid } },
    body,
  });
  return data;
}
