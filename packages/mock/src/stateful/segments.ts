import type { EngineContext } from './context.js';
import { CONTACTS_PATH } from './contacts.js';
import { notFound } from './errors.js';
import type { JsonObject } from './openapi.js';
import { findRecord, type Behaviour } from './records.js';
import { listPage, ok, type Handler } from './resources.js';
import type { ParsedRequest } from './request.js';

/** Path of the segments collection. */
export const SEGMENTS_PATH = '/segments';
/** Path of a segment's members, which the store keeps as memberships rather than records. */
export const SEGMENT_CONTACTS_PATH = '/segments/{segmentId}/contacts';

/** Behaviour of segments: `contactCount` is counted from the memberships when a segment is read. */
export const segmentBehaviour: Behaviour = {
  present(context, record) {
    const members = context.store.memberships.get(record.id as number);
    return { ...structuredClone(record), contactCount: members?.size ?? 0 };
  },
};

/** Handles `GET /segments/{segmentId}/contacts`: the members, each as a `ContactSummary`. */
export const listSegmentContacts: Handler = (context, request) => {
  const members = membersOf(context, request);
  const contacts = context.store.table(CONTACTS_PATH);
  const summarySchema = context.catalog.collection(SEGMENT_CONTACTS_PATH).itemSchema;
  const summaries = [...members].flatMap((contactId): JsonObject[] => {
    const contact = contacts.get(contactId);
    return contact === undefined
      ? []
      : [context.schemas.project(contact, summarySchema, 'response') as JsonObject];
  });
  return ok(request, listPage(context, request, summaries));
};

/**
 * Handles `POST /segments/{segmentId}/contacts`. Each id sent is counted once: added, already a
 * member, or not found (skipped, and listed in `notFoundContactIds`).
 */
export const addSegmentContacts: Handler = (context, request) => {
  const members = membersOf(context, request);
  const contacts = context.store.table(CONTACTS_PATH);
  const contactIds = ((request.body as JsonObject | undefined)?.contactIds ?? []) as number[];
  let added = 0;
  let alreadyMembers = 0;
  const notFoundContactIds: number[] = [];
  for (const contactId of new Set(contactIds)) {
    if (!contacts.has(contactId)) {
      notFoundContactIds.push(contactId);
    } else if (members.has(contactId)) {
      alreadyMembers++;
    } else {
      members.add(contactId);
      added++;
    }
  }
  return ok(request, { added, alreadyMembers, notFoundContactIds, contactCount: members.size });
};

/** Handles `DELETE /segments/{segmentId}/contacts/{contactId}`. A non-member gets 404. */
export const removeSegmentContact: Handler = (context, request) => {
  const members = membersOf(context, request);
  const contactId = request.pathParams.contactId as number;
  if (!members.delete(contactId)) {
    const segmentId = String(request.pathParams.segmentId);
    throw notFound(
      `The contact ${contactId} is not a member of the segment ${segmentId}. ` +
        `List the members with GET /segments/${segmentId}/contacts.`,
    );
  }
  return { status: request.operation.success.status };
};

/** Returns the member ids of the segment a request names, or raises 404. */
function membersOf(context: EngineContext, request: ParsedRequest): Set<number> {
  const segmentId = request.pathParams.segmentId as number;
  const segments = context.catalog.collection(SEGMENTS_PATH);
  findRecord(context.store.records(segments), segmentId);
  let members = context.store.memberships.get(segmentId);
  if (members === undefined) {
    members = new Set();
    context.store.memberships.set(segmentId, members);
  }
  return members;
}
