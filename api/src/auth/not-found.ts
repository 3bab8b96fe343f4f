import { DomainError } from '../common/errors';

/**
 * The one NOT_FOUND of the access policy: `<Kind> <id> not found`, with `extensions` { code, entity, id, field }.
 * A record that does not exist and one outside the caller's scope answer exactly the same, and the message names
 * the record the input field refers to (a Shift for `shiftId`), never one of its relations (its campaign).
 */
export class ReferenceNotFoundError extends DomainError {
  constructor(entity: string, id: string, field: string) {
    super('NOT_FOUND', `${entity} ${id} not found`, { entity, id, field }, 'NOT_FOUND', { entity, id });
  }
}
