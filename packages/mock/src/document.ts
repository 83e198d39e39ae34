import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, resolve } from 'node:path';

/** Parsed OpenAPI document, as plain JSON data. */
export type OpenApiDocument = Record<string, unknown> & { openapi: string };

const BUNDLED_SPEC_SPECIFIER = '@pulse-engagement/spec/openapi.json';
const BUNDLE_COMMAND = 'npm run bundle -w @pulse-engagement/spec';

/** Returns the absolute path of spec/dist/openapi.json, resolved through the `@pulse-engagement/spec` package. */
export function resolveBundledSpecPath(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve(BUNDLED_SPEC_SPECIFIER);
  } catch (error) {
    throw new Error(
      `The bundled spec ${BUNDLED_SPEC_SPECIFIER} was not found. ` +
        `Run \`${BUNDLE_COMMAND}\` to build spec/dist/openapi.json, or pass options.document.`,
      { cause: error },
    );
  }
}

/**
 * Loads the document to mock: reads and parses a path, or copies an object.
 * Objects are deep-copied because Prism dereferences the document in place.
 */
export async function loadDocument(source: string | object | undefined): Promise<OpenApiDocument> {
  if (source === undefined) {
    return parseDocumentFile(resolveBundledSpecPath());
  }
  if (typeof source === 'string') {
    return parseDocumentFile(resolve(source));
  }
  return assertOpenApiDocument(structuredClone(source), 'options.document');
}

async function parseDocumentFile(path: string): Promise<OpenApiDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(
      `Failed to read the OpenAPI document at ${path}: ${errorMessage(error)}. ` +
        `Check the path, or run \`${BUNDLE_COMMAND}\` if it is the bundled spec.`,
      { cause: error },
    );
  }

  const isYaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  let parsed: unknown;
  try {
    parsed = isYaml ? await parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new Error(
      `Failed to parse the OpenAPI document at ${path} as ${isYaml ? 'YAML' : 'JSON'}: ${errorMessage(error)}. ` +
        'Fix the file, or rebuild it from spec/ with the bundle command.',
      { cause: error },
    );
  }
  return assertOpenApiDocument(parsed, path);
}

// `yaml` is loaded on demand so that starting from the default JSON bundle skips the parser.
async function parseYaml(text: string): Promise<unknown> {
  let yaml: typeof import('yaml');
  try {
    yaml = await import('yaml');
  } catch (error) {
    throw new Error(
      'reading YAML needs the "yaml" package, which is not installed. Install it, or pass the JSON bundle instead',
      { cause: error },
    );
  }
  return yaml.parse(text);
}

function assertOpenApiDocument(value: unknown, source: string): OpenApiDocument {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject || typeof (value as Record<string, unknown>).openapi !== 'string') {
    throw new Error(
      `${source} is not an OpenAPI document: it has no "openapi" version field. ` +
        'Pass the bundled spec (spec/dist/openapi.json) or another OpenAPI 3.1 document.',
    );
  }
  return value as OpenApiDocument;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
