// Type helpers that read an operation out of openapi-typescript's `paths` type. They work on any
// `paths`, so operations added to the spec are covered without changes here.

/** HTTP methods as openapi-typescript names the operations of a path item. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** Paths of `Paths` that define an operation for `Method`. */
export type PathsWithMethod<Paths, Method extends HttpMethod> = {
  [Path in keyof Paths]: Paths[Path] extends { [M in Method]: object } ? Path : never;
}[keyof Paths];

/** The operation object of `Method` on `Path`. */
export type OperationOf<
  Paths,
  Path extends keyof Paths,
  Method extends HttpMethod,
> = Paths[Path] extends { [M in Method]: infer Operation } ? Operation : never;

/** Status codes that openapi-fetch counts as success, as openapi-typescript writes them. */
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | 207 | '2XX';

type ContentOf<Holder> = Holder extends { content: infer Content }
  ? Content[keyof Content]
  : undefined;

/**
 * Body of the operation's 2xx responses, or `undefined` when none has content (a 204, for
 * example).
 */
export type SuccessBody<Operation> = Operation extends { responses: infer Responses }
  ? {
      [Status in keyof Responses & SuccessStatus]: ContentOf<Responses[Status]>;
    }[keyof Responses & SuccessStatus]
  : undefined;

/** Body type of the operation's request, or `never` when it takes none. */
export type RequestBodyOf<Operation> = Operation extends { requestBody?: infer Body }
  ? [NonNullable<Body>] extends [never]
    ? never
    : ContentOf<NonNullable<Body>>
  : never;

/** Whether the operation's request body is required. */
export type IsBodyRequired<Operation> = Operation extends { requestBody: object } ? true : false;

/** Keys of `T` that are not optional. */
export type RequiredKeys<T> = {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` extends `Pick<T, K>` only when K is optional.
  [K in keyof T]-?: {} extends Pick<T, K> ? never : K;
}[keyof T];
