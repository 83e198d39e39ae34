import type { components } from './generated/openapi.js';

type Schemas = components['schemas'];

/**
 * Any schema of the spec by its component name, such as `Schema<'NpiMatchRequest'>`. The
 * aliases below name the ones most code needs.
 */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

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
/** The account that the credentials belong to, with its tactics and custom field definitions. */
export type Account = Schemas['Account'];
/** A channel by its id: 1 Email, 2 Direct Mail, 3 Fax, 4 Phone, 5 Banner, 6 EHR Banner, 7 Web, 8 Event, 9 SMS, 10 Form. */
export type Tactic = Schemas['Tactic'];
/** A related resource by id and name, as it appears inside another resource. */
export type Reference = Schemas['Reference'];
/** The identifying fields of a contact, as actions and segment members show it. */
export type ContactSummary = Schemas['ContactSummary'];
/** An email address of a contact. */
export type ContactEmail = Schemas['ContactEmail'];
/** A postal location of a contact. */
export type ContactLocation = Schemas['ContactLocation'];
/** A phone or fax number of a contact. */
export type ContactPhone = Schemas['ContactPhone'];
/** A campaign: a named marketing effort of type simple or automation. */
export type Campaign = Schemas['Campaign'];
/** The body of `POST /campaigns`. */
export type CampaignCreate = Schemas['CampaignCreate'];
/** A segment: a named list of contacts. */
export type Segment = Schemas['Segment'];
/** The body of `POST /segments`. */
export type SegmentCreate = Schemas['SegmentCreate'];
/** A source that records where contact data came from. */
export type Source = Schemas['Source'];
/** An action code: the kind of engagement an action records, such as Email opened, for one tactic. */
export type ActionCode = Schemas['ActionCode'];
/** The sender of an email: name, address and reply-to address. */
export type FromLine = Schemas['FromLine'];
/** An email sent automatically when its condition holds. */
export type ConditionalEmail = Schemas['ConditionalEmail'];
/** An email message creative. */
export type EmailMessage = Schemas['EmailMessage'];
/** An engagement with an email message, such as an open or a click. */
export type EmailAction = Schemas['EmailAction'];
/** The body of `POST /npi-match`: what is known of the person to match. */
export type NpiMatchRequest = Schemas['NpiMatchRequest'];
/** NPI candidates for a person, best match first. */
export type NpiMatchResult = Schemas['NpiMatchResult'];
