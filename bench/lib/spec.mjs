// Reads what the benchmarks need from the bundled spec, `spec/dist/openapi.json`, which
// `npm run bench` builds first.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Reads and parses `spec/dist/openapi.json` under `rootDir`. */
export function readBundledSpec(rootDir) {
  const file = path.join(rootDir, 'spec/dist/openapi.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${error.message}. Run \`npm run build\` first.`, {
      cause: error,
    });
  }
}

/** Follows a local `$ref` such as `#/components/examples/Physician`, or returns `node` itself. */
export function resolveRef(document, node) {
  const ref = node?.$ref;
  if (typeof ref !== 'string') return node;
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}.`);
  const target = ref
    .slice(2)
    .split('/')
    .reduce((parent, key) => parent?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], document);
  if (target === undefined) throw new Error(`The bundled spec has no ${ref}.`);
  return target;
}

/** Returns the value of the first named example of the 200 response of `GET path`. */
export function firstResponseExample(document, apiPath) {
  const content = document.paths?.[apiPath]?.get?.responses?.['200']?.content;
  const examples = content?.['application/json']?.examples ?? {};
  const [name, example] = Object.entries(examples)[0] ?? [];
  if (name === undefined) {
    throw new Error(`GET ${apiPath} has no named example for its 200 response in the spec.`);
  }
  return { name, value: resolveRef(document, example).value };
}

/**
 * Returns the `limit` query parameter's schema of `GET path`: its `default` and its `maximum`,
 * which is undefined when the spec sets none.
 */
export function pageLimitSchema(document, apiPath) {
  const parameters = document.paths?.[apiPath]?.get?.parameters ?? [];
  const limit = parameters
    .map((parameter) => resolveRef(document, parameter))
    .find((parameter) => parameter.in === 'query' && parameter.name === 'limit');
  if (limit === undefined) throw new Error(`GET ${apiPath} has no limit parameter in the spec.`);
  const schema = resolveRef(document, limit.schema) ?? {};
  return { default: schema.default, maximum: schema.maximum };
}
