/** A JSON object, as the document, request bodies and stored records contain them. */
export type JsonObject = Record<string, unknown>;

/** The parts of a JSON Schema (2020-12, as OpenAPI 3.1 uses it) that the engine reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, SchemaObject | boolean>;
  required?: string[];
  dependentRequired?: Record<string, string[]>;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  items?: SchemaObject;
  additionalProperties?: SchemaObject | boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
}

/** A parameter of an operation, with `$ref`s resolved. */
export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: SchemaObject;
  example?: unknown;
  examples?: Record<string, { value?: unknown; $ref?: string }>;
}

/** One named example of a response. */
export interface NamedExample {
  name: string;
  value: unknown;
}

/** One operation of the document, with what the engine needs from it. */
export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  /** Path and operation parameters by name. An operation parameter overrides a path one. */
  parameters: Map<string, ParameterObject>;
  requestSchema: SchemaObject | undefined;
  /** The first 2xx response: the one every successful call of the operation returns. */
  success: { status: number; schema: SchemaObject | undefined; examples: NamedExample[] };
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/**
 * Reads a bundled OpenAPI 3.1 document. Only internal `$ref`s (`#/...`) are followed, which is
 * what Redocly's bundle produces, and the document is never modified.
 */
export class OpenApiReader {
  readonly document: JsonObject;

  constructor(document: object) {
    if (typeof document !== 'object' || document === null || !('paths' in document)) {
      throw new TypeError(
        'The stateful engine needs a bundled OpenAPI document with "paths". ' +
          'Pass the parsed spec/dist/openapi.json.',
      );
    }
    this.document = document;
  }

  /** Follows `$ref` until the value is no longer a reference. */
  resolve<T>(value: T | { $ref: string }): T {
    let current: unknown = value;
    for (let depth = 0; isReference(current); depth++) {
      if (depth > 32) {
        throw new Error(`The $ref chain at ${current.$ref} does not end. Fix the loop in spec/.`);
      }
      current = this.lookup(current.$ref);
    }
    return current as T;
  }

  /** Returns the value at an internal reference such as `#/components/schemas/Contact`. */
  lookup(reference: string): unknown {
    if (!reference.startsWith('#/')) {
      throw new Error(
        `The $ref ${reference} points outside the document. Bundle the spec with ` +
          '`npm run bundle -w @pulse-engagement/spec` and pass spec/dist/openapi.json.',
      );
    }
    let node: unknown = this.document;
    for (const segment of reference.slice(2).split('/')) {
      const key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as JsonObject | undefined)?.[key];
      if (node === undefined) {
        throw new Error(`The $ref ${reference} was not found in the document. Fix it in spec/.`);
      }
    }
    return node;
  }

  /** Lists every operation of the document in document order. */
  operations(): OperationInfo[] {
    const paths = this.document.paths as Record<string, JsonObject>;
    const operations: OperationInfo[] = [];
    for (const [path, rawItem] of Object.entries(paths)) {
      const item = this.resolve(rawItem);
      const shared = this.parameterList(item.parameters);
      for (const method of HTTP_METHODS) {
        const operation = item[method] as JsonObject | undefined;
        if (operation === undefined) continue;
        operations.push(this.describeOperation(path, method, operation, shared));
      }
    }
    return operations;
  }

  private describeOperation(
    path: string,
    method: string,
    operation: JsonObject,
    shared: ParameterObject[],
  ): OperationInfo {
    const operationId = operation.operationId;
    if (typeof operationId !== 'string') {
      throw new Error(`${method.toUpperCase()} ${path} has no operationId. Give it one in spec/.`);
    }
    const parameters = new Map<string, ParameterObject>();
    for (const parameter of [...shared, ...this.parameterList(operation.parameters)]) {
      parameters.set(parameter.name, parameter);
    }
    const requestBody = operation.requestBody && this.resolve(operation.requestBody as JsonObject);
    return {
      operationId,
      method: method.toUpperCase(),
      path,
      parameters,
      requestSchema: jsonSchemaOf(requestBody as JsonObject | undefined),
      success: this.successResponse(operationId, operation),
    };
  }

  private successResponse(operationId: string, operation: JsonObject): OperationInfo['success'] {
    const responses = (operation.responses ?? {}) as Record<string, JsonObject>;
    const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
    if (status === undefined) {
      throw new Error(
        `${operationId} documents no 2xx response, so the engine has no status to return. ` +
          'Add one in spec/paths/.',
      );
    }
    const response = this.resolve(responses[status] as JsonObject);
    const media = (response.content as Record<string, JsonObject> | undefined)?.[
      'application/json'
    ];
    const examples = Object.entries((media?.examples ?? {}) as Record<string, JsonObject>).map(
      ([name, example]) => ({ name, value: this.resolve(example).value }),
    );
    return { status: Number(status), schema: jsonSchemaOf(response), examples };
  }

  private parameterList(value: unknown): ParameterObject[] {
    return ((value ?? []) as JsonObject[]).map((parameter) =>
      this.resolve(parameter as unknown as ParameterObject),
    );
  }

  /** Returns the example value of a parameter: `example`, or the first of `examples`. */
  parameterExample(parameter: ParameterObject): unknown {
    if (parameter.example !== undefined) return parameter.example;
    const first = Object.values(parameter.examples ?? {})[0];
    return first === undefined ? undefined : this.resolve(first).value;
  }
}

function jsonSchemaOf(holder: JsonObject | undefined): SchemaObject | undefined {
  const content = holder?.content as Record<string, { schema?: SchemaObject }> | undefined;
  return content?.['application/json']?.schema;
}

function isReference(value: unknown): value is { $ref: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $ref?: unknown }).$ref === 'string'
  );
}
