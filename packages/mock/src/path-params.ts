/**
 * Extracts the path parameters of a request from the path template of its operation, such as
 * `{ contactId: '5', id: '9' }` for `/contacts/5/emails/9` and `/contacts/{contactId}/emails/{id}`.
 * Values are percent-decoded; one that is not valid percent-encoding stays as sent. Returns an
 * empty object when the path does not fit the template.
 */
export function extractPathParams(template: string, path: string): Record<string, string> {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) {
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      names.push(name);
      return '([^/]*)';
    })
    .join('');
  const match = new RegExp(`^${source}$`).exec(path);
  if (match === null) {
    return {};
  }

  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    params[name] = decodePathSegment(match[index + 1] as string);
  });
  return params;
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
