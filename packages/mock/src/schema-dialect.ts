import type { OpenApiDocument } from './document.js';

/** JSON Schema 2020-12, the dialect that OpenAPI 3.1 schemas are written in. */
export const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

const JSON_SCHEMA_2019_09 = 'https://json-schema.org/draft/2019-09/schema';

// OpenAPI 3.1.0 names its default dialect "https://spec.openapis.org/oas/3.1/dialect/base", and
// later releases publish dated ids in the same folder, such as ".../dialect/2024-10-25". Each is
// 2020-12 plus annotation keywords (discriminator, xml, externalDocs, example) that a validator ignores.
const OPENAPI_3_1_DIALECT = /^https:\/\/spec\.openapis\.org\/oas\/3\.1\/dialect\//;

/**
 * Sets `jsonSchemaDialect` so that Prism validates OpenAPI 3.1 schemas as JSON Schema 2020-12.
 *
 * Prism 5.12 (through @stoplight/http-spec 7) stamps every schema of a document without
 * `jsonSchemaDialect` as draft-07, and its draft-07 Ajv ignores 2020-12 keywords such as
 * `dependentRequired`, so the address rules would never be checked. With the OpenAPI base dialect
 * id it is worse: Ajv cannot find that meta-schema, fails to compile, and Prism then skips body
 * validation altogether. Naming 2020-12 makes Prism pick its Ajv 2020 instance for bodies.
 */
export function normaliseSchemaDialect(document: OpenApiDocument): OpenApiDocument {
  if (!document.openapi.startsWith('3.1')) {
    return document;
  }

  const dialect = document.jsonSchemaDialect;
  if (dialect === undefined || (typeof dialect === 'string' && OPENAPI_3_1_DIALECT.test(dialect))) {
    return { ...document, jsonSchemaDialect: JSON_SCHEMA_2020_12 };
  }
  if (dialect === JSON_SCHEMA_2020_12 || dialect === JSON_SCHEMA_2019_09) {
    return document;
  }
  throw new Error(
    `Unsupported jsonSchemaDialect ${JSON.stringify(dialect)}: Prism 5.12 would skip validating every schema. ` +
      `Remove jsonSchemaDialect from the document, or set it to "${JSON_SCHEMA_2020_12}".`,
  );
}
