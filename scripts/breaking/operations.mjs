// Walking the operations of a spec and the parameters each one takes.
import { resolveRef } from './load.mjs';
import { appendPointer } from './pointer.mjs';

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Lists the operations of a spec in document order, keyed by `METHOD /path` such as
 * `GET /contacts/{id}`. Each value has the operation object and its pointer. Paths are matched
 * as written, so renaming a path template variable reads as a removed operation, as it does
 * for the generated client, whose paths are the literal templates.
 */
export function listOperations(spec) {
  const operations = new Map();
  for (const [path, item] of Object.entries(spec.document.paths ?? {})) {
    const pathItem = resolveRef(spec, item, appendPointer('/paths', path));
    for (const method of httpMethods) {
      const operation = pathItem.node?.[method];
      if (operation === undefined) continue;
      operations.set(`${method.toUpperCase()} ${path}`, {
        operation,
        pointer: appendPointer(pathItem.pointer, method),
        pathItem,
      });
    }
  }
  return operations;
}

/**
 * Collects the parameters of an operation, those of its path item included, keyed by
 * location and name (`query limit`). Header names are case-insensitive (RFC 9110 section
 * 5.1), so they are keyed in lower case. Each value has the resolved parameter, its pointer,
 * and `entryPointer`, the pointer of its entry in the `parameters` list.
 */
export function collectParameters(spec, entry) {
  const parameters = new Map();
  const lists = [
    [entry.pathItem.node.parameters, appendPointer(entry.pathItem.pointer, 'parameters')],
    [entry.operation.parameters, appendPointer(entry.pointer, 'parameters')],
  ];
  // An operation's parameter overrides the path item's parameter of the same location and name.
  for (const [list, listPointer] of lists) {
    (list ?? []).forEach((item, index) => {
      const entryPointer = appendPointer(listPointer, index);
      const { node: parameter, pointer } = resolveRef(spec, item, entryPointer);
      parameters.set(parameterKey(parameter), { parameter, pointer, entryPointer });
    });
  }
  return parameters;
}

function parameterKey(parameter) {
  const name = parameter.in === 'header' ? String(parameter.name).toLowerCase() : parameter.name;
  return `${parameter.in} ${name}`;
}

/** Returns the schema of a parameter as parts, from `schema` or from its one `content` entry. */
export function parameterSchemaParts(parameter, pointer) {
  if (parameter.schema !== undefined) {
    return [{ schema: parameter.schema, pointer: appendPointer(pointer, 'schema') }];
  }
  const [mediaType, media] = Object.entries(parameter.content ?? {})[0] ?? [];
  if (media?.schema !== undefined) {
    return [
      { schema: media.schema, pointer: appendPointer(pointer, 'content', mediaType, 'schema') },
    ];
  }
  // A parameter without a schema allows any value.
  return [{ schema: true, pointer }];
}

/** Returns the schema of a media type object as parts. A missing schema allows any value. */
export function mediaSchemaParts(media, pointer) {
  if (media?.schema === undefined) return [{ schema: true, pointer }];
  return [{ schema: media.schema, pointer: appendPointer(pointer, 'schema') }];
}
