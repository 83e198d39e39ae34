import { jsonSuccessStatuses } from './generated/success-bodies.js';
import { nullBodyStatuses } from './transport/attempt.js';

/**
 * Returns whether the spec declares a JSON body for `status` of the operation `method path`,
 * where `path` is the template, such as `/contacts/{id}`. False for a path the spec lacks and
 * for a status that cannot have a body, such as 204.
 */
export function declaresJsonBody(method: string, path: string, status: number): boolean {
  if (nullBodyStatuses.has(status)) return false;
  const operation = `${method.toUpperCase()} ${path}`;
  if (!Object.hasOwn(jsonSuccessStatuses, operation)) return false;
  const range = `${Math.floor(status / 100)}XX`;
  return jsonSuccessStatuses[operation]!.some((code) => code === String(status) || code === range);
}
