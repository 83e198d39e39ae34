import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { IHttpRequest } from '@stoplight/prism-http';
import type { DiagnosticSeverity, HttpSecurityScheme, IHttpOperation } from '@stoplight/types';
import type { Either } from 'fp-ts/Either';
import type { NonEmptyArray } from 'fp-ts/NonEmptyArray';

/** Diagnostic code Prism's mocker maps to 401 Unauthorized. */
export const SECURITY_DIAGNOSTIC_CODE = 401;

const ERROR_SEVERITY = 0 as DiagnosticSeverity.Error;

// Value formats of the API's credential headers, shown in 401 messages so the caller can fix the
// request. The API issues both the token and the account id as UUIDs, and Authorization must
// carry the token after the literal "API-TOKEN " prefix.
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const CREDENTIAL_HEADER_FORMATS: Record<string, { format: string; pattern?: RegExp }> = {
  authorization: {
    format: 'API-TOKEN <token>, where the token is a UUID',
    pattern: new RegExp(`^API-TOKEN ${UUID}$`),
  },
  'x-account': { format: '<account id>, a UUID', pattern: new RegExp(`^${UUID}$`) },
};

const HTTP_AUTH_PREFIXES: Record<string, string> = {
  basic: 'Basic ',
  bearer: 'Bearer ',
  digest: 'Digest ',
};

/** Security check in the shape Prism's `validateSecurity` component expects. */
export type SecurityValidator = (input: {
  resource: IHttpOperation;
  element: IHttpRequest;
}) => Either<NonEmptyArray<IPrismDiagnostic>, IHttpRequest>;

/**
 * Checks the credentials that an operation's security requirements name.
 *
 * Replaces Prism's own check, whose only diagnostic message is "Invalid security scheme used",
 * so that a 401 can name each missing header and its expected format. Requirements in the
 * `security` list are alternatives, and the schemes inside one requirement are all needed.
 * The diagnostics never contain a credential value.
 */
export const validateSecurity: SecurityValidator = ({ resource, element }) => {
  const diagnostics = findCredentialProblems(resource.security ?? [], element);
  const [first, ...rest] = diagnostics;
  if (first === undefined) {
    return { _tag: 'Right', right: element };
  }
  return { _tag: 'Left', left: [first, ...rest] };
};

/** Returns the diagnostics of the requirement closest to being met, or none when one is met. */
export function findCredentialProblems(
  requirements: HttpSecurityScheme[][],
  request: IHttpRequest,
): IPrismDiagnostic[] {
  let closest: IPrismDiagnostic[] | undefined;
  for (const requirement of requirements) {
    const problems = requirement.flatMap((scheme) => checkScheme(scheme, request));
    if (problems.length === 0) {
      return [];
    }
    if (closest === undefined || problems.length < closest.length) {
      closest = problems;
    }
  }
  return closest ?? [];
}

function checkScheme(scheme: HttpSecurityScheme, request: IHttpRequest): IPrismDiagnostic[] {
  switch (scheme.type) {
    case 'apiKey':
      if (scheme.in === 'header') {
        return checkCredentialHeader(scheme.name, request);
      }
      if (scheme.in === 'query') {
        return hasValue(request.url.query?.[scheme.name])
          ? []
          : [
              diagnostic(
                ['query', scheme.name],
                `Missing ${scheme.name} query parameter, which carries the API key.`,
              ),
            ];
      }
      return hasCookie(request, scheme.name)
        ? []
        : [
            diagnostic(
              ['cookie', scheme.name],
              `Missing ${scheme.name} cookie, which carries the API key.`,
            ),
          ];
    case 'http':
      return checkAuthorizationPrefix(
        HTTP_AUTH_PREFIXES[scheme.scheme.toLowerCase()] ?? '',
        request,
      );
    case 'oauth2':
    case 'openIdConnect':
      return checkAuthorizationPrefix(HTTP_AUTH_PREFIXES.bearer ?? '', request);
    default:
      // NOTE: mutual TLS happens below HTTP, so the mock accepts it without a check.
      return [];
  }
}

function checkCredentialHeader(name: string, request: IHttpRequest): IPrismDiagnostic[] {
  const value = request.headers?.[name.toLowerCase()];
  const expected = CREDENTIAL_HEADER_FORMATS[name.toLowerCase()];
  const hint = `Send it as "${name}: ${expected?.format ?? '<value>'}".`;

  if (!hasValue(value)) {
    return [diagnostic(['header', name], `Missing ${name} header. ${hint}`)];
  }
  if (expected?.pattern && !expected.pattern.test(value.trim())) {
    return [diagnostic(['header', name], `Invalid ${name} header format. ${hint}`)];
  }
  return [];
}

function checkAuthorizationPrefix(prefix: string, request: IHttpRequest): IPrismDiagnostic[] {
  const value = request.headers?.authorization;
  if (hasValue(value) && value.toLowerCase().startsWith(prefix.toLowerCase())) {
    return [];
  }
  const hint = `Send it as "Authorization: ${prefix}<credentials>".`;
  const problem = hasValue(value)
    ? 'Invalid Authorization header format.'
    : 'Missing Authorization header.';
  return [diagnostic(['header', 'Authorization'], `${problem} ${hint}`)];
}

function hasValue(value: string | string[] | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function hasCookie(request: IHttpRequest, name: string): boolean {
  const cookies = request.headers?.cookie ?? '';
  return cookies.split(';').some((pair) => {
    const [key, ...value] = pair.split('=');
    return key?.trim() === name && value.join('=').trim() !== '';
  });
}

function diagnostic(path: string[], message: string): IPrismDiagnostic {
  return { code: SECURITY_DIAGNOSTIC_CODE, message, path, severity: ERROR_SEVERITY };
}
