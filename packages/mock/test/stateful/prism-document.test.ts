// The server hands the engine the document that Prism has read, and Prism replaces every $ref
// with the object it names. The engine must derive the same model from that document.
import { readFileSync } from 'node:fs';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { describe, expect, it } from 'vitest';
import { resolveBundledSpecPath } from '../../src/document.js';
import { createStatefulEngine } from '../../src/stateful/engine.js';

async function dereferencedDocument(): Promise<Record<string, unknown>> {
  const document = JSON.parse(readFileSync(resolveBundledSpecPath(), 'utf8'));
  await getHttpOperationsFromSpec(document);
  return document;
}

function request(operationId: string, pathParams: Record<string, string>, body?: unknown) {
  return { operationId, method: 'GET', path: '/', pathParams, query: {}, body };
}

describe('engine on a document Prism has read', () => {
  it('has no $ref left in the document it is given', async () => {
    const document = await dereferencedDocument();

    expect(JSON.stringify(document.paths)).not.toContain('"$ref":"#/components/schemas/Contact"');
  });

  it('names resources in messages as with $refs', async () => {
    const engine = createStatefulEngine(await dereferencedDocument());
    const response = engine.handle(request('getContactEmail', { contactId: '1024', id: '9' }));

    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      message:
        'The contact 1024 has no contact email with the id 9. List them with GET /contacts/1024/emails.',
    });
  });

  it('keeps sub-resources in the contact and reserves referenced ids', async () => {
    const engine = createStatefulEngine(await dereferencedDocument());
    const emails = engine.handle(request('listContactEmails', { contactId: '1024' }));
    const fromLine = engine.handle(
      request('createFromLine', {}, { name: 'A', senderName: 'A', senderAddress: 'a@example.org' }),
    );

    expect(emails.status).toBe(200);
    expect((emails.body as { totalCount: number }).totalCount).toBe(2);
    expect((fromLine.body as { id: number }).id).toBe(33);
  });
});
