import type {
  BodySerializer,
  HeadersOptions,
  Middleware,
  PathSerializer,
  QuerySerializer,
  QuerySerializerOptions,
} from 'openapi-fetch';
import type { PulseCallOptions } from '../call-options.js';
import type { WithCustomFields } from './custom-fields.js';
import type { FieldOf, ItemOf, ListQuery, NarrowToFields } from './list-conventions.js';
import type {
  HttpMethod,
  IsBodyRequired,
  OperationOf,
  PathsWithMethod,
  RequestBodyOf,
  RequiredKeys,
  SuccessBody,
} from './operation.js';

type ParametersOf<Operation> = Operation extends { parameters: infer Parameters }
  ? Parameters
  : unknown;

/** Query parameters of an operation, or `never` when it takes none. */
export type QueryOf<Operation> = NonNullable<
  ParametersOf<Operation> extends { query?: infer Query } ? Query : never
>;

/** The 2xx body of an operation, `undefined` for a response without content. */
export type SuccessData<Operation> = [SuccessBody<Operation>] extends [never]
  ? undefined
  : SuccessBody<Operation>;

/** The item type of an operation's list response, or its whole body for a single resource. */
export type ResponseItemOf<Operation> = ItemOf<SuccessData<Operation>>;

type TypedParameters<Operation, Requested extends string, Omitted extends string> = {
  [K in keyof ParametersOf<Operation>]: K extends 'query'
    ? ListQuery<QueryOf<Operation>, Requested, ResponseItemOf<Operation>, Omitted>
    : ParametersOf<Operation>[K];
};

type ParamsOption<Parameters> =
  RequiredKeys<Parameters> extends never ? { params?: Parameters } : { params: Parameters };

type BodyOption<Operation, CustomFields> = [RequestBodyOf<Operation>] extends [never]
  ? { body?: never }
  : IsBodyRequired<Operation> extends true
    ? { body: WithCustomFields<RequestBodyOf<Operation>, CustomFields> }
    : { body?: WithCustomFields<RequestBodyOf<Operation>, CustomFields> };

/**
 * Options of every call besides parameters and body: openapi-fetch's, plus retry and timeout
 * settings. `parseAs` is left out because the throwing client always parses JSON, and
 * `baseUrl` because the credentials must go only to the client's own base URL.
 */
export type PulseRequestInit = Omit<RequestInit, 'body' | 'headers' | 'method'> &
  PulseCallOptions & {
    headers?: HeadersOptions;
    querySerializer?: QuerySerializer<unknown> | QuerySerializerOptions;
    bodySerializer?: BodySerializer<unknown>;
    pathSerializer?: PathSerializer;
    fetch?: (input: Request) => Promise<Response>;
    middleware?: Middleware[];
  };

/**
 * The second argument of a call: typed parameters and body of the operation, with `fields[]`
 * typed as `Requested` so the result can be narrowed to it, and without the `Omitted` query
 * parameters.
 */
export type PulseInit<
  Operation,
  Requested extends string,
  CustomFields,
  Omitted extends string = never,
> = PulseRequestInit &
  ParamsOption<TypedParameters<Operation, Requested, Omitted>> &
  BodyOption<Operation, CustomFields>;

/** Makes the init argument optional when nothing in it is required. */
export type InitArgs<Init> = RequiredKeys<Init> extends never ? [init?: Init] : [init: Init];

/** Result of a throwing call: the 2xx body and the response. */
export interface PulseResult<Data> {
  /** The response body; `undefined` for a response without content, such as a 204. */
  data: Data;
  response: Response;
}

/** The data of a 2xx response of `Operation`, with custom fields and `fields[]` applied. */
export type PulseData<Operation, Requested extends string, CustomFields> = NarrowToFields<
  WithCustomFields<SuccessData<Operation>, CustomFields>,
  Requested
>;

/** `fields[]` values that a call on `Path` can request. */
export type RequestableField<Paths, Path extends keyof Paths, Method extends HttpMethod> = FieldOf<
  QueryOf<OperationOf<Paths, Path, Method>>
>;

/**
 * The position of `fields[]` outside the operation's deferred parameter types. TypeScript infers
 * `Requested` from here, because it cannot infer through the mapped types of `PulseInit` before
 * it has inferred the path.
 */
export type FieldsSlot<Requested> = { params?: { query?: { 'fields[]'?: readonly Requested[] } } };

/**
 * A method of the throwing client: openapi-fetch's call signature, resolving with
 * `{ data, response }` for a 2xx status and rejecting with a `PulseError` otherwise.
 */
export type PulseMethod<Paths, Method extends HttpMethod, CustomFields> = <
  Path extends PathsWithMethod<Paths, Method>,
  const Requested extends RequestableField<Paths, Path, Method> = never,
>(
  url: Path,
  ...init: InitArgs<
    PulseInit<OperationOf<Paths, Path, Method>, Requested, CustomFields> & FieldsSlot<Requested>
  >
) => Promise<PulseResult<PulseData<OperationOf<Paths, Path, Method>, Requested, CustomFields>>>;

/** Paths whose GET returns a page: a body with `items` and `totalCount`. */
export type ListPath<Paths> = {
  [Path in PathsWithMethod<Paths, 'get'>]: SuccessBody<OperationOf<Paths, Path, 'get'>> extends {
    items: readonly unknown[];
    totalCount: number;
  }
    ? Path
    : never;
}[PathsWithMethod<Paths, 'get'>];

/**
 * `paginate`: iterates over every item of a list operation, page by page. Takes the GET's
 * options without `ignorePagination`.
 */
export type PulsePaginate<Paths, CustomFields> = <
  Path extends ListPath<Paths>,
  const Requested extends RequestableField<Paths, Path, 'get'> = never,
>(
  url: Path,
  ...init: InitArgs<
    PulseInit<OperationOf<Paths, Path, 'get'>, Requested, CustomFields, 'ignorePagination'> &
      FieldsSlot<Requested>
  >
) => AsyncIterable<ItemOf<PulseData<OperationOf<Paths, Path, 'get'>, Requested, CustomFields>>>;
