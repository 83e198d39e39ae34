// Renders packages/client/src/generated/success-bodies.ts: for each operation of the bundled
// spec, the 2xx statuses whose response declares a JSON body. The types of openapi-typescript
// exist only at compile time, and the client needs this at run time to tell an empty body that
// the spec forbids from a documented response without content.

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// RFC 6839 adds the +json suffix to application/json.
const jsonMediaType = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** Follows a local `$ref` such as `#/components/responses/Contact`. */
function resolveReference(document, value) {
  let current = value;
  // A chain of references is short; the bound only guards against a cycle.
  for (let depth = 0; depth < 10 && typeof current?.$ref === 'string'; depth++) {
    const pointer = current.$ref;
    if (!pointer.startsWith('#/')) {
      throw new Error(`Cannot follow ${pointer}: the bundled spec should hold local refs only.`);
    }
    current = pointer
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((node, part) => node?.[part], document);
  }
  return current;
}

function jsonSuccessStatuses(document) {
  const table = {};
  for (const [path, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      const statuses = Object.entries(operation.responses ?? {})
        .filter(([status]) => /^2(?:\d\d|XX)$/i.test(status))
        .filter(([, response]) => {
          const content = resolveReference(document, response)?.content ?? {};
          return Object.keys(content).some((mediaType) => jsonMediaType.test(mediaType));
        })
        .map(([status]) => status.toUpperCase());
      if (statuses.length > 0) table[`${method.toUpperCase()} ${path}`] = statuses;
    }
  }
  return table;
}

/** Returns the TypeScript source of the success-body table, without the generated-file banner. */
export function renderSuccessBodies(document) {
  const entries = Object.entries(jsonSuccessStatuses(document)).map(
    ([operation, statuses]) => `  ${JSON.stringify(operation)}: ${JSON.stringify(statuses)},\n`,
  );
  return (
    '/**\n' +
    ' * The 2xx statuses whose response declares a JSON body, by operation as `METHOD /path`. A\n' +
    ' * status is a code such as `200` or a range such as `2XX`.\n' +
    ' */\n' +
    'export const jsonSuccessStatuses: Readonly<Record<string, readonly string[]>> = {\n' +
    entries.join('') +
    '};\n'
  );
}
