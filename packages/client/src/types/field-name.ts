import type { paths } from '../generated/openapi.js';
import type { QueryOf, RequestableField } from './call.js';
import type { FieldOf } from './list-conventions.js';
import type { OperationOf, PathsWithMethod } from './operation.js';

type GetPath = PathsWithMethod<paths, 'get'>;

/** Paths whose GET operation takes the `fields[]` query parameter: the list operations. */
export type PathWithFields = {
  [Path in GetPath]: [FieldOf<QueryOf<OperationOf<paths, Path, 'get'>>>] extends [never]
    ? never
    : Path;
}[GetPath];

/**
 * A value of the `fields[]` query parameter of `GET Path`, which names a field of its items.
 * Use it to build a `fields[]` list in a variable:
 *
 * @example
 * const fields = ['firstName', 'npi'] as const satisfies readonly FieldName<'/contacts'>[];
 * const { data } = await pulse.GET('/contacts', { params: { query: { 'fields[]': fields } } });
 */
export type FieldName<Path extends PathWithFields> = RequestableField<paths, Path, 'get'>;
