// Compares the properties of two object schemas. On the request side a field may not be
// removed or become required. On the response side a field may not be removed or become
// optional.
import { compareSchemas } from './compare-schemas.mjs';
import { allowsNothing, viewSchema } from './schema-view.mjs';

/** Reports removed and newly required request fields, and compares the fields both keep. */
export function compareRequestProperties(context, base, head) {
  for (const [name, baseParts] of base.properties) {
    const baseProperty = viewSchema(context.base, baseParts);
    // Clients send neither read-only fields nor fields that a `false` schema forbids.
    if (baseProperty.readOnly || allowsNothing(baseProperty)) continue;

    const headParts = head.properties.get(name);
    if (headParts === undefined) {
      if (
        head.additionalProperties.length > 0 &&
        !allowsNothing(viewSchema(context.head, head.additionalProperties))
      ) {
        compareSchemas(context, baseParts, head.additionalProperties, 'request');
        continue;
      }
      context.report(
        'removed-request-field',
        'base',
        baseParts[0].pointer,
        `The request field ${name} was removed, so the generated client types reject it and the API may ignore it.`,
      );
      continue;
    }
    if (viewSchema(context.head, headParts).readOnly) {
      context.report(
        'removed-request-field',
        'head',
        headParts[0].pointer,
        `The request field ${name} is now read-only, so the API may ignore it in requests.`,
      );
      continue;
    }
    compareSchemas(context, baseParts, headParts, 'request');
  }

  for (const [name, pointer] of head.required) {
    if (base.required.has(name)) continue;
    const headParts = head.properties.get(name);
    if (headParts !== undefined && viewSchema(context.head, headParts).readOnly) continue;
    const change = base.properties.has(name)
      ? `The request field ${name} is now required`
      : `The new request field ${name} is required`;
    context.report(
      'new-required-request-field',
      'head',
      pointer,
      `${change}, so requests without it are rejected.`,
    );
  }
}

/** Reports removed and newly optional response fields, and compares the fields both keep. */
export function compareResponseProperties(context, base, head) {
  for (const [name, baseParts] of base.properties) {
    const baseProperty = viewSchema(context.base, baseParts);
    // Responses contain neither write-only fields nor fields that a `false` schema forbids.
    if (baseProperty.writeOnly || allowsNothing(baseProperty)) continue;

    const headParts = head.properties.get(name);
    if (headParts === undefined) {
      context.report(
        'removed-response-field',
        'base',
        baseParts[0].pointer,
        `The response field ${name} was removed, so clients that read it get undefined.`,
      );
      continue;
    }
    if (viewSchema(context.head, headParts).writeOnly) {
      context.report(
        'removed-response-field',
        'head',
        headParts[0].pointer,
        `The response field ${name} is now write-only, so responses no longer contain it.`,
      );
      continue;
    }
    compareSchemas(context, baseParts, headParts, 'response');
  }

  for (const [name, pointer] of base.required) {
    if (head.required.has(name)) continue;
    const baseParts = base.properties.get(name);
    if (baseParts !== undefined && viewSchema(context.base, baseParts).writeOnly) continue;
    // A removed field is reported once, as removed.
    if (baseParts !== undefined && !head.properties.has(name)) continue;
    context.report(
      'response-field-optional',
      'base',
      pointer,
      `The response field ${name} is no longer required, so clients that rely on it may get undefined.`,
    );
  }
}
