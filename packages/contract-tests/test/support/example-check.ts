import { createSchemaValidator, pointerSegment, type Direction } from './schema-validator.js';

// Finds every example in an OpenAPI document and validates it against the schema it
// illustrates: parameter, request body and response examples (inline or from
// components/examples), and the `examples` of schemas. Objects count as closed, so a property
// the schema does not define fails. Request examples must also leave out read-only fields, and
// response examples write-only ones.

/** One example and the schema it must satisfy. */
export interface ExampleLocation {
  /** Readable name, such as `createContact request body example PhysicianCreate`. */
  name: string;
  /** JSON pointer of the schema the example must satisfy. */
  schemaPointer: string;
  direction: Direction;
  value: unknown;
}

/** An example with the reasons it does not satisfy its schema. */
export interface ExampleProblem {
  name: string;
  problems: string[];
}

type Json = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` such as `#/components/examples/Physician` to its target. */
function resolve(document: Json, value: unknown): unknown {
  let current = value;
  for (
    let depth = 0;
    depth < 10 && isObject(current) && typeof current.$ref === 'string';
    depth++
  ) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) {
      throw new Error(
        `Cannot follow the external $ref ${ref}. Check examples on the bundled document, which has only local refs.`,
      );
    }
    current = ref
      .slice(2)
      .split('/')
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
  }
  return current;
}

/** Pointer of an object reached through a possible `$ref`, so schemas are named by their home. */
function homePointer(value: unknown, pointer: string): string {
  return isObject(value) && typeof value.$ref === 'string' ? value.$ref.slice(1) : pointer;
}

function mediaExamples(
  document: Json,
  content: unknown,
  contentPointer: string,
  name: string,
  direction: Direction,
): ExampleLocation[] {
  const media = isObject(content) ? content['application/json'] : undefined;
  if (!isObject(media) || media.schema === undefined) return [];
  const schemaPointer = `${contentPointer}/application~1json/schema`;
  const found: ExampleLocation[] = [];
  if ('example' in media) {
    found.push({ name: `${name} example`, schemaPointer, direction, value: media.example });
  }
  for (const [key, example] of Object.entries(isObject(media.examples) ? media.examples : {})) {
    const resolved = resolve(document, example);
    if (isObject(resolved) && 'value' in resolved) {
      found.push({
        name: `${name} example ${key}`,
        schemaPointer,
        direction,
        value: resolved.value,
      });
    }
  }
  return found;
}

function parameterExamples(
  document: Json,
  parameter: unknown,
  pointer: string,
  operationId: string,
): ExampleLocation[] {
  const resolved = resolve(document, parameter);
  if (!isObject(resolved) || resolved.schema === undefined) return [];
  const schemaPointer = `${homePointer(parameter, pointer)}/schema`;
  const name = `${operationId} parameter ${String(resolved.name)}`;
  const found: ExampleLocation[] = [];
  if ('example' in resolved) {
    found.push({
      name: `${name} example`,
      schemaPointer,
      direction: 'request',
      value: resolved.example,
    });
  }
  for (const [key, example] of Object.entries(
    isObject(resolved.examples) ? resolved.examples : {},
  )) {
    const value = resolve(document, example);
    if (isObject(value) && 'value' in value) {
      found.push({
        name: `${name} example ${key}`,
        schemaPointer,
        direction: 'request',
        value: value.value,
      });
    }
  }
  return found;
}

function operationExamples(document: Json): ExampleLocation[] {
  const found: ExampleLocation[] = [];
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    const pathPointer = `/paths/${pointerSegment(path)}`;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const operationPointer = `${pathPointer}/${method}`;
      const operationId =
        typeof operation.operationId === 'string'
          ? operation.operationId
          : `${method.toUpperCase()} ${path}`;

      shared.forEach((parameter, index) =>
        found.push(
          ...parameterExamples(
            document,
            parameter,
            `${pathPointer}/parameters/${index}`,
            operationId,
          ),
        ),
      );
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      own.forEach((parameter, index) =>
        found.push(
          ...parameterExamples(
            document,
            parameter,
            `${operationPointer}/parameters/${index}`,
            operationId,
          ),
        ),
      );

      const body = resolve(document, operation.requestBody);
      if (isObject(body)) {
        const bodyPointer = homePointer(operation.requestBody, `${operationPointer}/requestBody`);
        found.push(
          ...mediaExamples(
            document,
            body.content,
            `${bodyPointer}/content`,
            `${operationId} request body`,
            'request',
          ),
        );
      }

      const responses = isObject(operation.responses) ? operation.responses : {};
      for (const [status, response] of Object.entries(responses)) {
        const resolved = resolve(document, response);
        if (!isObject(resolved)) continue;
        const responsePointer = homePointer(response, `${operationPointer}/responses/${status}`);
        found.push(
          ...mediaExamples(
            document,
            resolved.content,
            `${responsePointer}/content`,
            `${operationId} ${status} response`,
            'response',
          ),
        );
      }
    }
  }
  return found;
}

// Schema keywords whose value maps names to subschemas. An `examples` key inside one of these
// is a property or definition named "examples", not a list of examples.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

function schemaExamples(document: Json): ExampleLocation[] {
  const found: ExampleLocation[] = [];
  const visit = (node: unknown, pointer: string, name: string, inMap: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => visit(child, `${pointer}/${index}`, name, false));
      return;
    }
    if (!isObject(node)) return;
    if (!inMap && Array.isArray(node.examples)) {
      node.examples.forEach((value, index) =>
        found.push({
          name: `schema ${name} example ${index + 1}`,
          schemaPointer: pointer,
          direction: 'either',
          value,
        }),
      );
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'examples' && !inMap) continue;
      const childName = inMap ? `${name}.${key}` : name;
      visit(child, `${pointer}/${pointerSegment(key)}`, childName, !inMap && SCHEMA_MAPS.has(key));
    }
  };
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  for (const [schemaName, schema] of Object.entries(schemas)) {
    visit(schema, `/components/schemas/${pointerSegment(schemaName)}`, schemaName, false);
  }
  return found;
}

/** Lists every example of the document with the schema it must satisfy. */
export function collectExamples(document: Json): ExampleLocation[] {
  return [...operationExamples(document), ...schemaExamples(document)];
}

/** Returns a checker that validates examples of `document`, with one Ajv per direction. */
export function createExampleChecker(document: Json): (example: ExampleLocation) => string[] {
  const validators = new Map<Direction, ReturnType<typeof createSchemaValidator>>();
  return ({ schemaPointer, direction, value }) => {
    let validate = validators.get(direction);
    if (validate === undefined) {
      validate = createSchemaValidator(document, direction, { closed: true });
      validators.set(direction, validate);
    }
    return validate(`#${schemaPointer}`, value);
  };
}

/** Validates every example of `document` and returns the invalid ones. */
export function findExampleProblems(document: Json): ExampleProblem[] {
  const check = createExampleChecker(document);
  return collectExamples(document)
    .map((example) => ({ name: example.name, problems: check(example) }))
    .filter(({ problems }) => problems.length > 0);
}
