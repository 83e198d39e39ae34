// Compares one operation of the base spec with the same operation of the head spec: its
// parameters and request body on the request side, its responses on the response side.
import { compareSchemas } from './compare-schemas.mjs';
import { resolveRef } from './load.mjs';
import { collectParameters, mediaSchemaParts, parameterSchemaParts } from './operations.mjs';
import { appendPointer } from './pointer.mjs';

// NOTE: a parameter's style, explode and allowReserved, and the security requirements, are
// not compared, although changing them changes what clients must send.

/** Compares two versions of an operation and reports each breaking change through `context`. */
export function compareOperation(context, baseEntry, headEntry) {
  compareParameters(context, baseEntry, headEntry);
  compareRequestBodies(context, baseEntry, headEntry);
  compareResponses(context, baseEntry, headEntry);
}

function compareParameters(context, baseEntry, headEntry) {
  const baseParameters = collectParameters(context.base, baseEntry);
  const headParameters = collectParameters(context.head, headEntry);

  for (const [key, base] of baseParameters) {
    const head = headParameters.get(key);
    if (head === undefined) {
      context.report(
        'removed-parameter',
        'base',
        base.entryPointer,
        `The ${key} parameter was removed, so the generated client types reject it and the API may ignore it.`,
      );
      continue;
    }
    const baseParts = parameterSchemaParts(base.parameter, base.pointer);
    const headParts = parameterSchemaParts(head.parameter, head.pointer);
    compareSchemas(context, baseParts, headParts, 'request');
  }

  for (const [key, head] of headParameters) {
    if (!isRequired(head.parameter)) continue;
    const base = baseParameters.get(key);
    if (base === undefined) {
      context.report(
        'new-required-parameter',
        'head',
        head.entryPointer,
        `The new ${key} parameter is required, so requests without it are rejected.`,
      );
    } else if (!isRequired(base.parameter)) {
      context.report(
        'new-required-parameter',
        'head',
        appendPointer(head.pointer, 'required'),
        `The ${key} parameter is now required, so requests without it are rejected.`,
      );
    }
  }
}

// Path parameters are always required (OpenAPI 3.1 section 4.8.12.1).
function isRequired(parameter) {
  return parameter.in === 'path' || parameter.required === true;
}

function compareRequestBodies(context, baseEntry, headEntry) {
  const base = resolveOptional(context.base, baseEntry.operation.requestBody, baseEntry.pointer);
  const head = resolveOptional(context.head, headEntry.operation.requestBody, headEntry.pointer);

  if (base === undefined) {
    if (head?.node.required === true) {
      context.report(
        'new-required-request-body',
        'head',
        appendPointer(head.pointer, 'required'),
        'The operation now requires a request body, so requests without one are rejected.',
      );
    }
    return;
  }
  if (head === undefined) {
    context.report(
      'removed-request-body',
      'base',
      base.pointer,
      'The request body was removed, so the generated client types reject it and the API may ignore it.',
    );
    return;
  }
  if (head.node.required === true && base.node.required !== true) {
    context.report(
      'new-required-request-body',
      'head',
      appendPointer(head.pointer, 'required'),
      'The request body is now required, so requests without one are rejected.',
    );
  }
  compareContent(context, base, head, 'request');
}

function resolveOptional(spec, node, operationPointer) {
  if (node === undefined) return undefined;
  return resolveRef(spec, node, appendPointer(operationPointer, 'requestBody'));
}

function compareResponses(context, baseEntry, headEntry) {
  const headStatuses = new Map(
    Object.keys(headEntry.operation.responses ?? {}).map((status) => [
      status.toUpperCase(),
      status,
    ]),
  );

  for (const [status, baseResponse] of Object.entries(baseEntry.operation.responses ?? {})) {
    const basePointer = appendPointer(baseEntry.pointer, 'responses', status);
    const headStatus = headStatuses.get(status.toUpperCase());
    if (headStatus === undefined) {
      context.report(
        'removed-status-code',
        'base',
        basePointer,
        `The ${status} response was removed, so clients that handle it no longer get its documented body.`,
      );
      continue;
    }

    const headPointer = appendPointer(headEntry.pointer, 'responses', headStatus);
    const base = resolveRef(context.base, baseResponse, basePointer);
    const head = resolveRef(context.head, headEntry.operation.responses[headStatus], headPointer);
    compareContent(context, base, head, 'response');
    compareResponseHeaders(context, base, head);
  }
}

/** Compares the `content` maps of two request bodies or two responses, by media type. */
function compareContent(context, base, head, direction) {
  const headMediaTypes = new Map(
    Object.keys(head.node.content ?? {}).map((mediaType) => [mediaType.toLowerCase(), mediaType]),
  );

  for (const [mediaType, baseMedia] of Object.entries(base.node.content ?? {})) {
    const baseMediaPointer = appendPointer(base.pointer, 'content', mediaType);
    const headMediaType = headMediaTypes.get(mediaType.toLowerCase());
    if (headMediaType === undefined) {
      const consequence =
        direction === 'request'
          ? 'so requests that send it are rejected'
          : 'so clients that read it get no body they can parse';
      context.report(
        'removed-media-type',
        'base',
        baseMediaPointer,
        `The ${direction} media type ${mediaType} was removed, ${consequence}.`,
      );
      continue;
    }

    const headMediaPointer = appendPointer(head.pointer, 'content', headMediaType);
    compareSchemas(
      context,
      mediaSchemaParts(baseMedia, baseMediaPointer),
      mediaSchemaParts(head.node.content[headMediaType], headMediaPointer),
      direction,
    );
  }
}

function compareResponseHeaders(context, base, head) {
  const headNames = new Map(
    Object.keys(head.node.headers ?? {}).map((name) => [name.toLowerCase(), name]),
  );

  for (const [name, baseHeader] of Object.entries(base.node.headers ?? {})) {
    const baseHeaderPointer = appendPointer(base.pointer, 'headers', name);
    const headName = headNames.get(name.toLowerCase());
    if (headName === undefined) {
      context.report(
        'removed-response-header',
        'base',
        baseHeaderPointer,
        `The response header ${name} was removed, so clients that read it get nothing.`,
      );
      continue;
    }

    const headHeaderPointer = appendPointer(head.pointer, 'headers', headName);
    const baseResolved = resolveRef(context.base, baseHeader, baseHeaderPointer);
    const headResolved = resolveRef(context.head, head.node.headers[headName], headHeaderPointer);
    compareSchemas(
      context,
      parameterSchemaParts(baseResolved.node, baseResolved.pointer),
      parameterSchemaParts(headResolved.node, headResolved.pointer),
      'response',
    );
  }
}
