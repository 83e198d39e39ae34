import type { components } from './generated/openapi.js';

type Schemas = components['schemas'];

/** A contact as the API returns it. */
export type Contact = Schemas['Contact'];
/** The body of `POST /contacts`: `source` is required. */
export type ContactCreate = Schemas['ContactCreate'];
/** The body of `PUT /contacts/{id}`: every field optional. */
export type ContactInput = Schemas['ContactInput'];
/** A page of contacts with the total across pages. */
export type ContactList = Schemas['ContactList'];
/** Per-account custom contact field values. */
export type CustomFields = Schemas['CustomFields'];
/** A registration form. */
export type Form = Schemas['Form'];
/** The flat contact record that `POST /forms/{uuid}/submit` takes. */
export type FormSubmission = Schemas['FormSubmission'];
/** Outcome of a form submission: the contact id and whether it was created or updated. */
export type FormSubmissionResult = Schemas['FormSubmissionResult'];
/** The body of every error response. */
export type ApiError = Schemas['Error'];
