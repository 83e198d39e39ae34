import { describe, expect, it } from 'vitest';
import { bundledSpec } from './support/bundled-spec.js';
import { collectExamples } from './support/example-check.js';

// The named examples of every section describe one account, so a campaign, creative, source,
// action code or contact must look the same wherever an example shows it. These checks read the
// request, response and schema examples of the bundled spec and compare them with each other.

type Json = Record<string, unknown>;
type Key = number | string;

/** Kinds of resource that examples show in full or name inside other resources. */
type Kind =
  | 'campaign'
  | 'source'
  | 'actionCode'
  | 'fromLine'
  | 'emailMessage'
  | 'banner'
  | 'directMail'
  | 'event'
  | 'website'
  | 'form'
  | 'registrationForm'
  | 'conditionalEmail'
  | 'contact'
  | 'contactEmail'
  | 'contactLocation'
  | 'contactPhone';

const KINDS: Kind[] = [
  'campaign',
  'source',
  'actionCode',
  'fromLine',
  'emailMessage',
  'banner',
  'directMail',
  'event',
  'website',
  'form',
  'registrationForm',
  'conditionalEmail',
  'contact',
  'contactEmail',
  'contactLocation',
  'contactPhone',
];

// Component schemas whose examples show one resource. The list schemas, such as CampaignList,
// are found through the schema of their `items`.
const SCHEMA_KINDS: Record<string, Kind> = {
  Campaign: 'campaign',
  Source: 'source',
  ActionCode: 'actionCode',
  FromLine: 'fromLine',
  EmailMessage: 'emailMessage',
  Banner: 'banner',
  DirectMail: 'directMail',
  Event: 'event',
  Website: 'website',
  FormCreative: 'form',
  Form: 'registrationForm',
  ConditionalEmail: 'conditionalEmail',
  Contact: 'contact',
  ContactCreate: 'contact',
  ContactInput: 'contact',
  ContactSummary: 'contact',
  ContactEmail: 'contactEmail',
  ContactLocation: 'contactLocation',
  ContactPhone: 'contactPhone',
};

/** Properties whose object value is another resource, given as `{ id, name }` or in full. */
const PROPERTY_KINDS: Record<string, Kind> = {
  campaign: 'campaign',
  source: 'source',
  actionCode: 'actionCode',
  fromLine: 'fromLine',
  emailMessage: 'emailMessage',
  banner: 'banner',
  directMail: 'directMail',
  event: 'event',
  website: 'website',
  form: 'form',
  contact: 'contact',
  contactEmail: 'contactEmail',
  contactLocation: 'contactLocation',
};

/** Array properties of a contact whose items are the contact's own addresses and numbers. */
const CONTACT_ITEM_KINDS: Record<string, Kind> = {
  emails: 'contactEmail',
  locations: 'contactLocation',
  phones: 'contactPhone',
};

/** Properties whose value is the id (or, for forms, the uuid) of another resource. */
const ID_PROPERTY_KINDS: Record<string, Kind> = {
  campaignId: 'campaign',
  sourceId: 'source',
  actionCodeId: 'actionCode',
  fromLineId: 'fromLine',
  emailMessageId: 'emailMessage',
  // Only conditional emails carry `creativeId`, and it is always an email message.
  creativeId: 'emailMessage',
  bannerId: 'banner',
  directMailId: 'directMail',
  eventId: 'event',
  websiteId: 'website',
  formId: 'form',
  formUuid: 'registrationForm',
  contactId: 'contact',
  contactEmailId: 'contactEmail',
  contactLocationId: 'contactLocation',
};

const CONTACT_ITEM_KIND_SET = new Set<Kind>(Object.values(CONTACT_ITEM_KINDS));

/** Tactics that each kind of creative may have: 1 Email, 2 Direct Mail, 5 Banner, 6 EHR Banner, 7 Web, 8 Event, 10 Form. */
const CREATIVE_TACTICS: Partial<Record<Kind, number[]>> = {
  emailMessage: [1],
  directMail: [2],
  banner: [5, 6],
  website: [7],
  event: [8],
  form: [10],
};

/** Kinds whose own endpoints have examples that should list every one that other examples name. */
const SECTION_KINDS: Kind[] = [
  'campaign',
  'source',
  'fromLine',
  'emailMessage',
  'banner',
  'directMail',
  'event',
  'website',
  'form',
  'registrationForm',
];

/** One example value and the component schema it illustrates, when it has one. */
interface Example {
  name: string;
  value: unknown;
  schemaName: string | undefined;
}

/** One resource as an example shows it, in full or as a reference inside another resource. */
interface Sighting {
  kind: Kind;
  key: Key;
  object: Json;
  where: string;
  /** Whether the resource is the example itself or an item of it, not one named inside another. */
  topLevel: boolean;
  /** Id of the contact that an email address, postal address or phone number belongs to. */
  owner: Key | undefined;
}

/** A resource that another object refers to, by a nested reference or by an id property. */
interface Reference {
  kind: Kind;
  key: Key;
  property: string;
  byId: boolean;
  owner: Key | undefined;
}

/** An object of an example together with the resources it refers to. */
interface Holder {
  object: Json;
  where: string;
  references: Reference[];
}

/** Everything the checks compare, read from all examples of one document. */
interface ExampleWorld {
  exampleCount: number;
  sightings: Sighting[];
  holders: Holder[];
  npis: { npi: string; where: string }[];
  /** Custom field definitions of each account example, by `accountType`. */
  accounts: { accountType: string; definitions: Json[]; where: string }[];
  /** Contact records that carry `customFields`, with their `contactType`. */
  customFieldRecords: { contactType: string; customFields: Json; where: string }[];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKey(value: unknown): value is Key {
  return typeof value === 'number' || typeof value === 'string';
}

function idOf(value: unknown): Key | undefined {
  return isObject(value) && isKey(value.id) ? value.id : undefined;
}

function keyOf(kind: Kind, object: Json): Key | undefined {
  if (kind === 'registrationForm') {
    return typeof object.uuid === 'string' ? object.uuid : undefined;
  }
  return typeof object.id === 'number' ? object.id : undefined;
}

/** Returns what a resource is called: its name, or for contacts and their items a readable key. */
function labelOf(kind: Kind, object: Json): string | undefined {
  switch (kind) {
    case 'contact':
      return typeof object.firstName === 'string' && typeof object.lastName === 'string'
        ? `${object.firstName} ${object.lastName}`
        : undefined;
    case 'contactEmail':
      return typeof object.emailAddress === 'string' ? object.emailAddress : undefined;
    case 'contactPhone':
      return typeof object.phone === 'string' ? object.phone : undefined;
    case 'contactLocation':
      return typeof object.addressLine1 === 'string' && typeof object.city === 'string'
        ? `${object.addressLine1}, ${object.city}`
        : undefined;
    default:
      return typeof object.name === 'string' ? object.name : undefined;
  }
}

/**
 * Fields that must agree wherever examples show one resource. No example updates them, and
 * segments, which one example renames, are not compared.
 */
const FIXED_FIELDS: [string, (kind: Kind, object: Json) => unknown][] = [
  ['name', labelOf],
  ['createdAt', (_kind, object) => object.createdAt],
  ['tacticId', (_kind, object) => object.tacticId],
  ['campaign', (_kind, object) => idOf(object.campaign)],
  ['uuid', (_kind, object) => object.uuid],
  ['npi', (_kind, object) => object.npi],
];

/** Fields that no two resources of one kind share. */
const UNIQUE_FIELDS = new Set(['name', 'uuid', 'npi']);

function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Returns the component schema that a schema pointer names or `$ref`s, such as `Contact`. */
function schemaNameAt(document: Json, pointer: string): string | undefined {
  const own = /^\/components\/schemas\/([^/]+)$/.exec(pointer);
  if (own !== null) return decodePointerSegment(own[1]!);
  const node = pointer
    .slice(1)
    .split('/')
    .map(decodePointerSegment)
    .reduce<unknown>((current, segment) => {
      if (Array.isArray(current)) return current[Number(segment)];
      return isObject(current) ? current[segment] : undefined;
    }, document);
  const ref = isObject(node) ? node.$ref : undefined;
  const match = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  return match === null ? undefined : decodePointerSegment(match[1]!);
}

/** Returns the schema name of the `items` of a list schema such as CampaignList. */
function listItemSchemaName(document: Json, schemaName: string): string | undefined {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const schema = schemas[schemaName];
  if (!isObject(schema)) return undefined;
  const parts = [schema, ...(Array.isArray(schema.allOf) ? schema.allOf : [])];
  for (const part of parts) {
    const properties = isObject(part) && isObject(part.properties) ? part.properties : {};
    const items = isObject(properties.items) ? properties.items.items : undefined;
    const ref = isObject(items) ? items.$ref : undefined;
    const match = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
    if (match !== null) return decodePointerSegment(match[1]!);
  }
  return undefined;
}

/**
 * Lists the request, response and schema examples of a document, and the components/examples
 * that no operation uses. An example that several operations share is listed once.
 */
function readExamples(document: Json): Example[] {
  const examples: Example[] = [];
  const seen = new Set<unknown>();
  for (const location of collectExamples(document)) {
    if (typeof location.value === 'object' && location.value !== null) {
      if (seen.has(location.value)) continue;
      seen.add(location.value);
    }
    examples.push({
      name: location.name,
      value: location.value,
      schemaName: schemaNameAt(document, location.schemaPointer),
    });
  }
  const components = isObject(document.components) ? document.components : {};
  const named = isObject(components.examples) ? components.examples : {};
  for (const [key, example] of Object.entries(named)) {
    if (!isObject(example) || !('value' in example) || seen.has(example.value)) continue;
    seen.add(example.value);
    examples.push({
      name: `components example ${key}`,
      value: example.value,
      schemaName: undefined,
    });
  }
  return examples;
}

/** Reads every resource, reference and NPI that the examples of a document show. */
function readWorld(document: Json): ExampleWorld {
  const examples = readExamples(document);
  const world: ExampleWorld = {
    exampleCount: examples.length,
    sightings: [],
    holders: [],
    npis: [],
    accounts: [],
    customFieldRecords: [],
  };

  for (const example of examples) {
    const placeOf = (path: string): string =>
      path === '' ? example.name : `${example.name} at ${path}`;

    const visit = (
      node: unknown,
      kind: Kind | undefined,
      path: string,
      topLevel: boolean,
      owner: Key | undefined,
    ): void => {
      if (Array.isArray(node)) {
        node.forEach((item, index) => visit(item, kind, `${path}/${index}`, topLevel, owner));
        return;
      }
      if (!isObject(node)) return;

      const key = kind === undefined ? undefined : keyOf(kind, node);
      if (kind !== undefined && key !== undefined) {
        world.sightings.push({ kind, key, object: node, where: placeOf(path), topLevel, owner });
      }
      // A form creative carries the uuid of its registration form, so it names that form too.
      if (kind === 'form' && typeof node.uuid === 'string') {
        world.sightings.push({
          kind: 'registrationForm',
          key: node.uuid,
          object: { uuid: node.uuid, name: node.name },
          where: placeOf(path),
          topLevel: false,
          owner: undefined,
        });
      }

      const definitions = isObject(node.customFieldDefinition)
        ? node.customFieldDefinition.contact
        : undefined;
      if (typeof node.accountType === 'string' && Array.isArray(definitions)) {
        world.accounts.push({
          accountType: node.accountType,
          definitions: definitions.filter(isObject),
          where: placeOf(path),
        });
      }
      if (typeof node.contactType === 'string' && isObject(node.customFields)) {
        world.customFieldRecords.push({
          contactType: node.contactType,
          customFields: node.customFields,
          where: placeOf(path),
        });
      }

      // The contact that this object's addresses and numbers belong to, if it names one.
      const contactOwner =
        kind === 'contact'
          ? key
          : (idOf(node.contact) ?? (isKey(node.contactId) ? node.contactId : undefined));
      const references: Reference[] = [];

      for (const [property, child] of Object.entries(node)) {
        const childPath = `${path}/${property}`;
        const idKind = ID_PROPERTY_KINDS[property];
        const propertyKind = PROPERTY_KINDS[property];
        const itemKind = kind === 'contact' ? CONTACT_ITEM_KINDS[property] : undefined;

        if (property === 'npi' && typeof child === 'string') {
          world.npis.push({ npi: child, where: placeOf(childPath) });
        } else if (
          property === 'number' &&
          typeof child === 'string' &&
          'enumerationType' in node
        ) {
          world.npis.push({ npi: child, where: placeOf(childPath) });
        } else if (idKind !== undefined && isKey(child)) {
          references.push({ kind: idKind, key: child, property, byId: true, owner: contactOwner });
        } else if (property === 'source' && typeof child === 'number') {
          // A contact names its source by id, where actions nest `{ id, name }`.
          references.push({ kind: 'source', key: child, property, byId: true, owner: undefined });
        } else if (propertyKind !== undefined && isObject(child)) {
          const childKey = keyOf(propertyKind, child);
          if (childKey !== undefined) {
            references.push({
              kind: propertyKind,
              key: childKey,
              property,
              byId: false,
              owner: contactOwner,
            });
          }
          visit(child, propertyKind, childPath, false, contactOwner);
        } else if (itemKind !== undefined) {
          visit(child, itemKind, childPath, false, contactOwner);
        } else {
          visit(child, undefined, childPath, false, undefined);
        }
      }
      if (references.length > 0) {
        world.holders.push({ object: node, where: placeOf(path), references });
      }
    };

    if (example.schemaName === 'Npi' && typeof example.value === 'string') {
      world.npis.push({ npi: example.value, where: example.name });
      continue;
    }
    const ownKind = example.schemaName === undefined ? undefined : SCHEMA_KINDS[example.schemaName];
    const itemSchema =
      example.schemaName === undefined
        ? undefined
        : listItemSchemaName(document, example.schemaName);
    const itemKind = itemSchema === undefined ? undefined : SCHEMA_KINDS[itemSchema];

    if (itemKind !== undefined && isObject(example.value) && Array.isArray(example.value.items)) {
      example.value.items.forEach((item, index) =>
        visit(item, itemKind, `/items/${index}`, true, undefined),
      );
    } else {
      visit(example.value, ownKind, '', ownKind !== undefined, undefined);
    }
  }
  return world;
}

function sightingsOf(world: ExampleWorld, kind: Kind): Sighting[] {
  return world.sightings.filter((sighting) => sighting.kind === kind);
}

/** Adds `where` under `outer` and `inner`, keeping the first place each pair was seen. */
function record<Outer, Inner>(
  map: Map<Outer, Map<Inner, string[]>>,
  outer: Outer,
  inner: Inner,
  where: string,
): void {
  const inners = map.get(outer) ?? new Map<Inner, string[]>();
  map.set(outer, inners);
  const places = inners.get(inner) ?? [];
  inners.set(inner, places);
  places.push(where);
}

function describeValues<Value>(values: Map<Value, string[]>): string {
  return [...values]
    .map(([value, places]) => `${JSON.stringify(value)} in ${places[0]}`)
    .join(' but ');
}

/** Lists ids of `kind` that two examples give a different name, creation time, tactic or campaign. */
function fixedFieldConflicts(world: ExampleWorld, kind: Kind): string[] {
  const problems: string[] = [];
  for (const [field, read] of FIXED_FIELDS) {
    const valuesByKey = new Map<Key, Map<unknown, string[]>>();
    for (const sighting of sightingsOf(world, kind)) {
      const value = read(kind, sighting.object);
      if (value !== undefined && value !== null) {
        record(valuesByKey, sighting.key, value, sighting.where);
      }
    }
    for (const [key, values] of valuesByKey) {
      if (values.size > 1) {
        problems.push(`${kind} ${key} has ${field} ${describeValues(values)}`);
      }
    }
  }
  return problems;
}

/** Lists names, uuids and NPIs that examples give to two different ids of `kind`. */
function sharedUniqueValues(world: ExampleWorld, kind: Kind): string[] {
  const problems: string[] = [];
  for (const [field, read] of FIXED_FIELDS) {
    if (!UNIQUE_FIELDS.has(field)) continue;
    const keysByValue = new Map<unknown, Map<Key, string[]>>();
    for (const sighting of sightingsOf(world, kind)) {
      const value = read(kind, sighting.object);
      if (value !== undefined && value !== null && value !== sighting.key) {
        record(keysByValue, value, sighting.key, sighting.where);
      }
    }
    for (const [value, keys] of keysByValue) {
      if (keys.size > 1) {
        problems.push(`${kind} ${field} ${JSON.stringify(value)} has id ${describeValues(keys)}`);
      }
    }
  }
  return problems;
}

/** Returns whether the last digit of a 10-digit NPI is the Luhn check digit over 80840 and its first nine digits. */
function hasValidNpiCheckDigit(npi: string): boolean {
  if (!/^[0-9]{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let position = 0; position < digits.length; position++) {
    // Counting from the right, every second digit is doubled and its digits added.
    let digit = Number(digits[digits.length - 1 - position]);
    if (position % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Lists id properties, such as `creativeId`, whose id no example of that kind shows. */
function danglingIds(world: ExampleWorld, kind: Kind): string[] {
  const known = new Set(sightingsOf(world, kind).map((sighting) => sighting.key));
  const problems: string[] = [];
  for (const holder of world.holders) {
    for (const reference of holder.references) {
      if (!reference.byId || reference.kind !== kind || known.has(reference.key)) continue;
      problems.push(
        `${reference.property} ${reference.key} in ${holder.where} is no ${kind} that an example shows`,
      );
    }
  }
  return problems;
}

/** Lists resources of `kind` that other examples name but no example of their own endpoints shows. */
function missingFromOwnSection(world: ExampleWorld, kind: Kind): string[] {
  const listed = new Set(
    sightingsOf(world, kind)
      .filter((sighting) => sighting.topLevel)
      .map((sighting) => sighting.key),
  );
  const namedElsewhere = new Map<Key, Set<string>>();
  const add = (key: Key, where: string): void => {
    const places = namedElsewhere.get(key) ?? new Set<string>();
    namedElsewhere.set(key, places.add(where));
  };
  for (const sighting of sightingsOf(world, kind)) {
    if (!sighting.topLevel && !listed.has(sighting.key)) add(sighting.key, sighting.where);
  }
  for (const holder of world.holders) {
    for (const reference of holder.references) {
      if (reference.byId && reference.kind === kind && !listed.has(reference.key)) {
        add(reference.key, holder.where);
      }
    }
  }
  return [...namedElsewhere].map(([key, places]) => {
    const [first, ...others] = [...places];
    const more = others.length === 0 ? '' : ` and ${others.length} more`;
    return `${kind} ${key} is named in ${first}${more} but in no example of its own endpoints`;
  });
}

function tacticOf(world: ExampleWorld, kind: Kind, key: Key): number | undefined {
  const withTactic = sightingsOf(world, kind).find(
    (sighting) => sighting.key === key && typeof sighting.object.tacticId === 'number',
  );
  if (withTactic !== undefined) return withTactic.object.tacticId as number;
  const tactics = CREATIVE_TACTICS[kind];
  return tactics?.length === 1 ? tactics[0] : undefined;
}

/** Lists creatives whose `tacticId` is not a tactic of their kind. */
function creativeTacticProblems(world: ExampleWorld): string[] {
  const problems: string[] = [];
  for (const sighting of world.sightings) {
    const tactics = CREATIVE_TACTICS[sighting.kind];
    const tacticId = sighting.object.tacticId;
    if (tactics === undefined || tacticId === undefined) continue;
    if (typeof tacticId !== 'number' || !tactics.includes(tacticId)) {
      problems.push(
        `${sighting.kind} ${sighting.key} in ${sighting.where} has tacticId ${JSON.stringify(tacticId)}, but a ${sighting.kind} takes tactic ${tactics.join(' or ')}`,
      );
    }
  }
  return problems;
}

/** Lists actions whose action code belongs to another tactic than their creative. */
function actionCodeTacticProblems(world: ExampleWorld): string[] {
  const problems: string[] = [];
  for (const holder of world.holders) {
    const code = holder.references.find((reference) => reference.kind === 'actionCode');
    if (code === undefined) continue;
    const codeTactic = tacticOf(world, 'actionCode', code.key);
    for (const creative of holder.references) {
      if (CREATIVE_TACTICS[creative.kind] === undefined) continue;
      const creativeTactic = tacticOf(world, creative.kind, creative.key);
      if (codeTactic === undefined || creativeTactic === undefined) continue;
      if (codeTactic !== creativeTactic) {
        problems.push(
          `${holder.where} has action code ${code.key} of tactic ${codeTactic} but ${creative.kind} ${creative.key} of tactic ${creativeTactic}`,
        );
      }
    }
  }
  return problems;
}

/** Lists actions that count toward another campaign than the one their creative belongs to. */
function campaignProblems(world: ExampleWorld): string[] {
  const campaignOfCreative = (kind: Kind, key: Key): Key | undefined =>
    sightingsOf(world, kind)
      .filter((sighting) => sighting.key === key)
      .map((sighting) => idOf(sighting.object.campaign))
      .find((campaign) => campaign !== undefined);

  const problems: string[] = [];
  for (const holder of world.holders) {
    const campaign = holder.references.find((reference) => reference.kind === 'campaign');
    if (campaign === undefined) continue;
    for (const creative of holder.references) {
      if (CREATIVE_TACTICS[creative.kind] === undefined) continue;
      const creativeCampaign = campaignOfCreative(creative.kind, creative.key);
      if (creativeCampaign !== undefined && creativeCampaign !== campaign.key) {
        problems.push(
          `${holder.where} counts toward campaign ${campaign.key}, but ${creative.kind} ${creative.key} belongs to campaign ${creativeCampaign}`,
        );
      }
    }
  }
  return problems;
}

function earliest(values: unknown[]): string | undefined {
  const dates = values.filter((value): value is string => typeof value === 'string').sort();
  return dates[0];
}

/**
 * Lists impossible dates: an update before the creation, an end before the start, an action or
 * resource dated before something it refers to was created, and an action before its campaign
 * started.
 */
function dateProblems(world: ExampleWorld): string[] {
  const problems: string[] = [];
  const createdAtOf = (kind: Kind, key: Key): string | undefined =>
    earliest(
      sightingsOf(world, kind)
        .filter((sighting) => sighting.key === key)
        .map((sighting) => sighting.object.createdAt),
    );
  const campaignStartOf = (key: Key): string | undefined =>
    earliest(
      sightingsOf(world, 'campaign')
        .filter((sighting) => sighting.key === key)
        .map((sighting) => sighting.object.startDate),
    );

  const objects = new Map<Json, string>();
  for (const sighting of world.sightings) objects.set(sighting.object, sighting.where);
  for (const holder of world.holders) objects.set(holder.object, holder.where);

  for (const [object, where] of objects) {
    const { createdAt, updatedAt, startDate, endDate } = object;
    if (typeof createdAt === 'string' && typeof updatedAt === 'string') {
      if (Date.parse(updatedAt) < Date.parse(createdAt)) {
        problems.push(`${where} has updatedAt ${updatedAt} before createdAt ${createdAt}`);
      }
    }
    if (typeof startDate === 'string' && typeof endDate === 'string' && endDate < startDate) {
      problems.push(`${where} has endDate ${endDate} before startDate ${startDate}`);
    }
  }

  for (const holder of world.holders) {
    const actionDate = holder.object.actionDate;
    const moment = typeof actionDate === 'string' ? actionDate : holder.object.createdAt;
    if (typeof moment !== 'string') continue;
    for (const reference of holder.references) {
      const created = createdAtOf(reference.kind, reference.key);
      if (created !== undefined && Date.parse(moment) < Date.parse(created)) {
        problems.push(
          `${holder.where} is dated ${moment}, before ${reference.kind} ${reference.key} was created at ${created}`,
        );
      }
      const start = reference.kind === 'campaign' ? campaignStartOf(reference.key) : undefined;
      if (
        typeof actionDate === 'string' &&
        start !== undefined &&
        actionDate.slice(0, 10) < start
      ) {
        problems.push(
          `${holder.where} is dated ${actionDate}, before campaign ${reference.key} started on ${start}`,
        );
      }
    }
  }
  return problems;
}

function fitsDefinition(definition: Json, value: unknown): boolean {
  switch (definition.type) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value);
    case 'select':
      return (
        Array.isArray(definition.options) &&
        definition.options.some((option) => isObject(option) && option.value === value)
      );
    default:
      return false;
  }
}

/**
 * Lists contact records whose `customFields` break the definitions of the account example whose
 * `accountType` is their `contactType`. So the HCP account defines the fields of HCP contacts and
 * the patient account those of patients. The problems are a missing or null required field, a
 * value of the wrong type and a key that the account does not define.
 */
function customFieldProblems(world: ExampleWorld): string[] {
  const problems: string[] = [];
  for (const record of world.customFieldRecords) {
    const account = world.accounts.find((item) => item.accountType === record.contactType);
    if (account === undefined) continue;
    const keys = new Set(account.definitions.map((definition) => definition.key));
    for (const definition of account.definitions) {
      const key = String(definition.key);
      const value = record.customFields[key];
      if (value === undefined || value === null) {
        if (definition.required === true) {
          problems.push(
            `${record.where} leaves out ${key}, which ${account.where} marks as required`,
          );
        }
      } else if (!fitsDefinition(definition, value)) {
        problems.push(
          `${record.where} has ${key} ${JSON.stringify(value)}, which is no valid ${String(definition.type)} value for ${account.where}`,
        );
      }
    }
    for (const key of Object.keys(record.customFields)) {
      if (!keys.has(key)) {
        problems.push(`${record.where} has ${key}, which ${account.where} does not define`);
      }
    }
  }
  return problems;
}

/** Lists email addresses, postal addresses and phone numbers that two contacts share by id. */
function ownerProblems(world: ExampleWorld): string[] {
  const ownersByItem = new Map<string, Map<Key, string[]>>();
  for (const sighting of world.sightings) {
    if (sighting.owner !== undefined && CONTACT_ITEM_KIND_SET.has(sighting.kind)) {
      record(ownersByItem, `${sighting.kind} ${sighting.key}`, sighting.owner, sighting.where);
    }
  }
  for (const holder of world.holders) {
    for (const reference of holder.references) {
      if (CONTACT_ITEM_KIND_SET.has(reference.kind) && reference.owner !== undefined) {
        record(ownersByItem, `${reference.kind} ${reference.key}`, reference.owner, holder.where);
      }
    }
  }
  return [...ownersByItem]
    .filter(([, owners]) => owners.size > 1)
    .map(([item, owners]) => `${item} belongs to contact ${describeValues(owners)}`);
}

const world = readWorld(bundledSpec);

describe('example world of the bundled spec', () => {
  it('reads resources, references and NPIs', () => {
    expect(world.exampleCount).toBeGreaterThan(100);
    expect(world.holders.length).toBeGreaterThan(50);
    expect(world.npis.length).toBeGreaterThan(10);
  });

  it.each(KINDS)('finds %s examples', (kind) => {
    expect(sightingsOf(world, kind).length, `no example shows a ${kind}`).toBeGreaterThan(0);
  });
});

describe('ids and names across examples', () => {
  it.each(KINDS)('each %s id keeps fixed fields', (kind) => {
    expect(fixedFieldConflicts(world, kind)).toEqual([]);
  });

  it.each(KINDS)('each %s name belongs to one id', (kind) => {
    expect(sharedUniqueValues(world, kind)).toEqual([]);
  });

  it('contact items have one owner', () => {
    expect(ownerProblems(world)).toEqual([]);
  });
});

describe('NPIs in examples', () => {
  it.each([
    ['1234567893', true],
    ['1456789019', true],
    ['1234567890', false],
    ['1609873245', false],
    ['145678901', false],
  ])('NPI check digit of %s valid: %s', (npi, valid) => {
    expect(hasValidNpiCheckDigit(npi)).toBe(valid);
  });

  it.each(world.npis.map(({ npi, where }) => [npi, where]))(
    'NPI %s in %s passes check digit',
    (npi, where) => {
      expect(npi, `NPI in ${where} must be 10 digits`).toMatch(/^[0-9]{10}$/);
      expect(hasValidNpiCheckDigit(npi), `NPI ${npi} in ${where} fails the check digit`).toBe(true);
    },
  );
});

describe('references between examples', () => {
  const referencedKinds = [...new Set(Object.values(ID_PROPERTY_KINDS))];

  it.each(referencedKinds)('each used %s id exists', (kind) => {
    expect(danglingIds(world, kind)).toEqual([]);
  });

  it.each(SECTION_KINDS)('each named %s has own example', (kind) => {
    expect(missingFromOwnSection(world, kind)).toEqual([]);
  });
});

describe('tactics, campaigns and dates in examples', () => {
  it('gives each creative a tactic of its kind', () => {
    expect(creativeTacticProblems(world)).toEqual([]);
  });

  it('gives each action a code of its creative tactic', () => {
    expect(actionCodeTacticProblems(world)).toEqual([]);
  });

  it('counts each action toward its creative campaign', () => {
    expect(campaignProblems(world)).toEqual([]);
  });

  it('has no impossible dates', () => {
    expect(dateProblems(world)).toEqual([]);
  });
});

describe('custom fields in examples', () => {
  it('finds accounts and custom fields', () => {
    const accountTypes = world.accounts.map((account) => account.accountType);
    const contactTypes = world.customFieldRecords.map((record) => record.contactType);

    expect(accountTypes).toEqual(expect.arrayContaining(['HCP', 'Patient']));
    expect(contactTypes).toEqual(expect.arrayContaining(['HCP', 'Patient']));
  });

  it('contacts carry account custom fields', () => {
    expect(customFieldProblems(world)).toEqual([]);
  });
});

// Each check must report a contradiction that is put into a copy of the spec, or the tests
// above could pass on anything.
describe('example consistency checks on a broken copy of the spec', () => {
  function brokenWorld(edit: (examples: Record<string, any>) => void): ExampleWorld {
    const document = structuredClone(bundledSpec) as Record<string, any>;
    edit(document.components.examples);
    return readWorld(document);
  }

  it('reports a creative with two names', () => {
    const broken = brokenWorld((examples) => {
      examples.FormSubmittedAction.value.form.name = 'ASCO booth form';
    });

    expect(fixedFieldConflicts(broken, 'form')).toContainEqual(
      expect.stringContaining('form 9601 has name "ASCO 2026 booth sign-up" in '),
    );
  });

  it('reports a name with two ids', () => {
    const broken = brokenWorld((examples) => {
      examples.EventAttendedAction.value.event.id = 57;
    });

    expect(sharedUniqueValues(broken, 'event')).toContainEqual(
      expect.stringContaining('event name "ASCO 2026 Annual Meeting booth" has id 7401 in '),
    );
  });

  it('reports a resource whose creation time differs', () => {
    const broken = brokenWorld((examples) => {
      examples.BoothInvitationEmailMessage.value.createdAt = '2026-04-01T08:00:00Z';
    });

    expect(fixedFieldConflicts(broken, 'emailMessage')).toContainEqual(
      expect.stringContaining('emailMessage 4101 has createdAt '),
    );
  });

  it('reports an NPI with a wrong check digit', () => {
    const broken = brokenWorld((examples) => {
      examples.Physician.value.npi = '1456789010';
    });
    const failing = broken.npis.filter(({ npi }) => !hasValidNpiCheckDigit(npi));

    expect(failing).toEqual([
      { npi: '1456789010', where: 'createContact 201 response example Physician at /npi' },
    ]);
  });

  it('reports an id that no example shows', () => {
    const broken = brokenWorld((examples) => {
      examples.BoothFollowUpEmail.value.creativeId = 412;
    });

    expect(danglingIds(broken, 'emailMessage')).toEqual([
      'creativeId 412 in createConditionalEmail 201 response example BoothFollowUpEmail is no emailMessage that an example shows',
    ]);
  });

  it('reports a creative that only an action names', () => {
    const broken = brokenWorld((examples) => {
      examples.BannerClickedAction.value.banner = { id: 620, name: 'Oncology leaderboard 728x90' };
    });

    expect(missingFromOwnSection(broken, 'banner')).toEqual([
      'banner 620 is named in recordBannerAction 201 response example BannerClickedAction at /banner but in no example of its own endpoints',
    ]);
  });

  it('reports a creative on a tactic of another kind', () => {
    const broken = brokenWorld((examples) => {
      examples.DosingGuideBanner.value.tacticId = 1;
    });

    expect(creativeTacticProblems(broken)).toContainEqual(
      expect.stringContaining('banner 5201 in getBanner 200 response example DosingGuideBanner'),
    );
  });

  it('reports an action code of another tactic', () => {
    const broken = brokenWorld((examples) => {
      examples.EmailOpenedInput.value.actionCodeId = 802;
    });

    expect(actionCodeTacticProblems(broken)).toEqual([
      'recordEmailAction request body example EmailOpenedInput has action code 802 of tactic 8 but emailMessage 4410 of tactic 1',
    ]);
  });

  it('reports an action outside its creative campaign', () => {
    const broken = brokenWorld((examples) => {
      examples.EventAttendedInput.value.campaignId = 311;
    });

    expect(campaignProblems(broken)).toEqual([
      'recordEventAction request body example EventAttendedInput counts toward campaign 311, but event 7401 belongs to campaign 310',
    ]);
  });

  it('reports an action before its creative was created', () => {
    const broken = brokenWorld((examples) => {
      examples.EmailOpenedInput.value.actionDate = '2026-05-09T13:45:10Z';
    });

    expect(dateProblems(broken)).toContainEqual(
      expect.stringContaining('before emailMessage 4410 was created at 2026-06-01T10:00:00Z'),
    );
  });

  it('reports an update before the creation', () => {
    const broken = brokenWorld((examples) => {
      examples.CampaignRescheduled.value.updatedAt = '2026-03-01T00:00:00Z';
    });

    expect(dateProblems(broken)).toContainEqual(
      expect.stringContaining('has updatedAt 2026-03-01T00:00:00Z before createdAt'),
    );
  });

  it('reports a contact without a required custom field', () => {
    const broken = brokenWorld((examples) => {
      delete examples.Physician.value.customFields.territoryCode;
    });

    expect(customFieldProblems(broken)).toEqual([
      'createContact 201 response example Physician leaves out territoryCode, which getAccount 200 response example HcpAccount marks as required',
    ]);
  });

  it('reports an address that two contacts share', () => {
    const broken = brokenWorld((examples) => {
      examples.Patient.value.emails[0].id = 5001;
    });

    expect(ownerProblems(broken)).toContainEqual(
      expect.stringContaining('contactEmail 5001 belongs to contact 1024 in '),
    );
  });
});
