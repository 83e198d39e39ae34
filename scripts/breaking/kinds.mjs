// The kinds of finding, each with its severity and how to undo it. A breaking finding fails
// the check unless the major version was raised. A warning never fails it.

/** Severity and fix of each finding kind, by kind. */
export const findingKinds = {
  'removed-operation': { severity: 'breaking', fix: 'restore the operation' },
  'removed-parameter': { severity: 'breaking', fix: 'restore the parameter' },
  'new-required-parameter': { severity: 'breaking', fix: 'make the parameter optional' },
  'removed-request-body': { severity: 'breaking', fix: 'restore the request body' },
  'new-required-request-body': { severity: 'breaking', fix: 'make the request body optional' },
  'new-required-request-field': {
    severity: 'breaking',
    fix: 'make the field optional (remove it from `required`)',
  },
  'removed-request-field': { severity: 'breaking', fix: 'restore the field' },
  'removed-response-field': { severity: 'breaking', fix: 'restore the field' },
  'response-field-optional': { severity: 'breaking', fix: 'list the field in `required` again' },
  'changed-type': { severity: 'breaking', fix: 'restore the previous type or format' },
  'narrowed-request-enum': { severity: 'breaking', fix: 'restore the enum value' },
  'narrowed-request-constraint': { severity: 'breaking', fix: 'restore the previous limit' },
  'removed-variant': { severity: 'breaking', fix: 'restore the branch' },
  'removed-media-type': { severity: 'breaking', fix: 'restore the media type' },
  'removed-status-code': { severity: 'breaking', fix: 'restore the response' },
  'removed-response-header': { severity: 'breaking', fix: 'restore the header' },
  // Responses gain enum values and union branches as the API grows (a new tactic, a new kind
  // of custom field). Failing on them would force a major release each time, so they are
  // warnings, and clients should handle values they do not know.
  'widened-response-enum': {
    severity: 'warning',
    fix: 'no version change is needed, but check that clients handle values they do not know',
  },
  'added-variant': {
    severity: 'warning',
    fix: 'no version change is needed, but check that clients handle shapes they do not know',
  },
};
