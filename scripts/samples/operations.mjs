// @ts-check
// Reads the operations of a bundled OpenAPI document together with the example values that the
// code samples and the Postman collection send: path parameters, query parameters and the
// request body, each taken from the spec's own named examples.

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const JSON_MEDIA_TYPE = 'application/json';

/**
 * One parameter of an operation with the value its samples send.
 * @typedef {object} SampleParameter
 * @property {string} name as the spec writes it, such as `fields[]`
 * @property {'path' | 'query'} in
 * @property {boolean} required
 * @property {unknown} value the example value, or undefined when the spec gives none
 * @property {unknown} defaultValue the schema's default, or undefined
 * @property {string} description
 */

/**
 * One operation with everything its samples need.
 * @typedef {object} SampleOperation
 * @property {string} operationId
 * @property {string} method upper case, such as `GET`
 * @property {string} path the path template, such as `/contacts/{id}`
 * @property {string} tag the operation's first tag
 * @property {string} summary
 * @property {string} description
 * @property {SampleParameter[]} parameters path and query parameters, in spec order
 * @property {unknown} body the first named example of the JSON request body, or undefined
 * @property {number} successStatus the lowest 2xx status the operation documents
 */

/**
 * Lists every operation of a bundled document in path order, with example values for its
 * parameters and body. Throws when a required parameter or a required body has no example,
 * because a sample without it could not run.
 * @param {any} document a bundled OpenAPI 3.1 document, whose `$ref`s all point inside it
 * @returns {SampleOperation[]}
 */
export function listSampleOperations(document) {
  /** @type {SampleOperation[]} */
  const operations = [];
  for (const [path, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation !== undefined) {
        operations.push(readOperation(document, path, method, pathItem, operation));
      }
    }
  }
  return operations;
}

/**
 * @param {any} document
 * @param {string} path
 * @param {string} method
 * @param {any} pathItem
 * @param {any} operation
 * @returns {SampleOperation}
 */
function readOperation(document, path, method, pathItem, operation) {
  const operationId = operation.operationId;
  if (typeof operationId !== 'string') {
    throw new Error(`${method.toUpperCase()} ${path} has no operationId. Add one to the spec.`);
  }

  // Operation-level parameters override path-level ones with the same name and location.
  const byKey = new Map();
  for (const reference of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolve(document, reference);
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  const parameters = [...byKey.values()]
    .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
    .map((parameter) => readParameter(document, operationId, parameter));

  return {
    operationId,
    method: method.toUpperCase(),
    path,
    tag: operation.tags?.[0] ?? 'Other',
    summary: operation.summary ?? operationId,
    description: operation.description ?? '',
    parameters,
    body: readBodyExample(document, operationId, operation.requestBody),
    successStatus: readSuccessStatus(operationId, operation.responses),
  };
}

/**
 * @param {any} document
 * @param {string} operationId
 * @param {any} parameter a resolved Parameter Object
 * @returns {SampleParameter}
 */
function readParameter(document, operationId, parameter) {
  const value = pickParameterExample(document, operationId, parameter);
  if (value === undefined && parameter.required) {
    throw new Error(
      `Parameter ${parameter.name} of ${operationId} is required but has no example. ` +
        'Add an example to the parameter in the spec, so its samples can send one.',
    );
  }
  const schema = resolve(document, parameter.schema ?? {});
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required === true,
    value,
    defaultValue: schema.default,
    description: parameter.description ?? '',
  };
}

/**
 * Returns the parameter's `example`, else its named example whose name the operationId
 * contains (so `getBanner` sends the `banner` example of a shared id), else its first named
 * example.
 * @param {any} document
 * @param {string} operationId
 * @param {any} parameter
 * @returns {unknown}
 */
export function pickParameterExample(document, operationId, parameter) {
  if (parameter.example !== undefined) {
    return parameter.example;
  }
  const entries = Object.entries(parameter.examples ?? {});
  if (entries.length === 0) {
    return undefined;
  }
  const lowerCaseId = operationId.toLowerCase();
  const matching = entries.find(([name]) => lowerCaseId.includes(name.toLowerCase()));
  const [, example] = matching ?? entries[0] ?? [];
  return resolve(document, example).value;
}

/**
 * @param {any} document
 * @param {string} operationId
 * @param {any} requestBodyReference
 * @returns {unknown}
 */
function readBodyExample(document, operationId, requestBodyReference) {
  if (requestBodyReference === undefined) {
    return undefined;
  }
  const requestBody = resolve(document, requestBodyReference);
  const mediaType = requestBody.content?.[JSON_MEDIA_TYPE];
  if (mediaType === undefined) {
    throw new Error(
      `The request body of ${operationId} has no ${JSON_MEDIA_TYPE} content. ` +
        'The sample generators only write JSON bodies: add JSON content or extend them.',
    );
  }
  if (mediaType.example !== undefined) {
    return mediaType.example;
  }
  const [first] = Object.values(mediaType.examples ?? {});
  if (first === undefined) {
    if (requestBody.required) {
      throw new Error(
        `The request body of ${operationId} is required but has no named example. ` +
          'Add one under examples in the spec, so its samples can send it.',
      );
    }
    return undefined;
  }
  return resolve(document, first).value;
}

/**
 * @param {string} operationId
 * @param {Record<string, unknown> | undefined} responses
 */
function readSuccessStatus(operationId, responses) {
  const statuses = Object.keys(responses ?? {})
    .filter((code) => /^2\d\d$/.test(code))
    .map(Number)
    .sort((a, b) => a - b);
  const [lowest] = statuses;
  if (lowest === undefined) {
    throw new Error(`${operationId} documents no 2xx response. Add its success response.`);
  }
  return lowest;
}

/**
 * Follows local `$ref`s such as `#/components/parameters/ContactId` until it reaches an object.
 * @param {any} document
 * @param {any} value
 * @returns {any}
 */
export function resolve(document, value) {
  let current = value;
  // A bundled document never chains more than a few references, so 20 means a cycle.
  for (let depth = 0; depth < 20; depth += 1) {
    const reference = current?.$ref;
    if (typeof reference !== 'string') {
      return current;
    }
    if (!reference.startsWith('#/')) {
      throw new Error(
        `Cannot follow ${reference}: only local references are supported. Pass the bundled spec (spec/dist/openapi.json).`,
      );
    }
    current = reference
      .slice(2)
      .split('/')
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((node, segment) => node?.[segment], document);
    if (current === undefined) {
      throw new Error(`Cannot follow ${reference}: nothing in the document has that pointer.`);
    }
  }
  throw new Error(`Cannot follow ${value.$ref}: the references form a cycle.`);
}
