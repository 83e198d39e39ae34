// Reading the two OpenAPI documents and following their local references.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { getAtPointer } from './pointer.mjs';

/**
 * Error for input the check cannot use: an invalid option, or a file that is missing, cannot
 * be parsed or is not an OpenAPI document. The command exits 2 on it.
 */
export class InputError extends Error {
  name = 'InputError';
}

/**
 * Reads an OpenAPI document from a JSON file (by its `.json` extension) or a YAML file, and
 * returns `{ document, path, role }`. `hint` ends each error message and explains how to create
 * or fix the file.
 */
export async function loadSpec(path, role, hint) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `Cannot read the ${role} spec ${path} (${error.code ?? error.message}). ${hint}`,
    );
  }

  const isJson = /\.json$/i.test(path);
  let document;
  try {
    document = isJson ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new InputError(
      `The ${role} spec ${path} is not valid ${isJson ? 'JSON' : 'YAML'}: ${error.message}. ${hint}`,
    );
  }
  if (document === null || typeof document !== 'object' || typeof document.openapi !== 'string') {
    throw new InputError(
      `The ${role} spec ${path} is not an OpenAPI document: it has no "openapi" field. ${hint}`,
    );
  }
  return { document, path, role };
}

/**
 * Returns the major version of the spec's `info.version`, such as 1 for `1.4.2`. A leading
 * `v` is accepted. Anything else is an InputError, because the check cannot tell whether the
 * major version was raised.
 */
export function readMajorVersion(spec) {
  const version = spec.document.info?.version;
  const match = typeof version === 'string' ? /^v?(\d+)\.\d+\.\d+/.exec(version) : null;
  if (match === null) {
    throw new InputError(
      `The ${spec.role} spec ${spec.path} has info.version ${JSON.stringify(version)}, which is ` +
        'not a semantic version. Set info.version in spec/openapi.yaml to MAJOR.MINOR.PATCH, such as 1.0.0.',
    );
  }
  return Number(match[1]);
}

/**
 * Follows `$ref` from `node`, found at `pointer` in the spec, to the value it names, and
 * returns `{ node, pointer }` of that value. Only local references (`#/...`) are followed,
 * because the check compares bundled documents. A chain of references that returns to a
 * pointer it has already visited is an InputError.
 */
export function resolveRef(spec, node, pointer) {
  const visited = [];
  let current = { node, pointer };

  while (isReference(current.node)) {
    const next = resolveRefOnce(spec, current.node.$ref, current.pointer);
    if (visited.includes(next.pointer)) {
      throw new InputError(
        `The ${spec.role} spec ${spec.path} has a $ref cycle: ` +
          `${[pointer, ...visited, next.pointer].join(' -> ')}.`,
      );
    }
    visited.push(next.pointer);
    current = next;
  }
  return current;
}

/** Returns whether `node` is an object with a `$ref`. */
export function isReference(node) {
  return node !== null && typeof node === 'object' && typeof node.$ref === 'string';
}

/**
 * Returns `{ node, pointer }` of the value that `reference`, the `$ref` found at `pointer`,
 * names. Unlike resolveRef it follows one reference only, so the caller can merge the
 * keywords next to each `$ref` of a chain.
 */
export function resolveRefOnce(spec, reference, pointer) {
  if (!reference.startsWith('#')) {
    throw new InputError(
      `The ${spec.role} spec ${spec.path} has the external $ref "${reference}" at ${pointer}. ` +
        'Compare bundled documents: npm run bundle -w @pulse-engagement/spec.',
    );
  }
  const target = decodeFragment(spec, reference, pointer);
  const node = getAtPointer(spec.document, target);
  if (node === undefined) {
    throw new InputError(
      `The ${spec.role} spec ${spec.path} has the $ref "${reference}" at ${pointer}, which ` +
        'points to nothing. Fix the reference, then bundle again.',
    );
  }
  return { node, pointer: target };
}

// A $ref is a URI, so its fragment is percent-encoded before it is a JSON Pointer (RFC 6901
// section 6).
function decodeFragment(spec, reference, pointer) {
  try {
    return decodeURIComponent(reference.slice(1));
  } catch {
    throw new InputError(
      `The ${spec.role} spec ${spec.path} has the $ref "${reference}" at ${pointer}, whose ` +
        'fragment is not valid percent-encoding.',
    );
  }
}
