// Builds one valid request per operation of an OpenAPI document from its own examples, so that
// tests can call every operation without a hand-written list.

/** A request to one operation: method, path with query, and an optional JSON body. */
export interface SpecRequest {
  operationId: string;
  method: string;
  pathTemplate: string;
  /** Path with path parameters filled in and required query parameters appended. */
  url: string;
  contentType: string | undefined;
  body: unknown;
}

type Node = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const FALLBACK_UUID = '3f6c2a1e-8b4d-4c1a-9e2f-7a5b6c8d9e01';

/** Lists a request for every operation, filled from parameter and request body examples. */
export function requestsFromSpec(document: Node): SpecRequest[] {
  const resolve = (node: unknown): Node => {
    let current = node as Node;
    while (typeof current?.$ref === 'string') {
      current = current.$ref
        .split('/')
        .slice(1)
        .reduce<unknown>((target, key) => (target as Node)[key], document) as Node;
    }
    return current;
  };

  const requests: SpecRequest[] = [];
  for (const [pathTemplate, item] of Object.entries(document.paths as Record<string, Node>)) {
    for (const method of HTTP_METHODS.filter((name) => name in item)) {
      const operation = item[method] as Node;
      const parameters = [
        ...((item.parameters as unknown[]) ?? []),
        ...((operation.parameters as unknown[]) ?? []),
      ].map(resolve);

      let path = pathTemplate;
      const query = new URLSearchParams();
      for (const parameter of parameters) {
        const value = exampleOf(parameter, resolve);
        if (parameter.in === 'path') {
          path = path.replace(`{${String(parameter.name)}}`, encodeURIComponent(String(value)));
        } else if (parameter.in === 'query' && parameter.required === true) {
          for (const item of Array.isArray(value) ? value : [value]) {
            query.append(String(parameter.name), String(item));
          }
        }
      }

      const content = (resolve(operation.requestBody)?.content ?? {}) as Record<string, Node>;
      const [contentType] = Object.keys(content);
      const media = contentType === undefined ? undefined : content[contentType];
      const examples = Object.values((media?.examples as Record<string, unknown>) ?? {});
      const search = query.toString();
      requests.push({
        operationId: String(operation.operationId),
        method,
        pathTemplate,
        url: search === '' ? path : `${path}?${search}`,
        contentType,
        body: examples.length > 0 ? resolve(examples[0]).value : undefined,
      });
    }
  }
  return requests;
}

function exampleOf(parameter: Node, resolve: (node: unknown) => Node): unknown {
  if ('example' in parameter) {
    return parameter.example;
  }
  const [first] = Object.values((parameter.examples as Record<string, unknown>) ?? {});
  if (first !== undefined) {
    return resolve(first).value;
  }
  const schema = parameter.schema as Node | undefined;
  if (schema?.format === 'uuid') {
    return FALLBACK_UUID;
  }
  return schema?.type === 'integer' ? (schema.minimum ?? 1) : 'value';
}
