import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's Object Identification interface. Ids are the records' own ids, unchanged (the public contract keeps
 * `Station.id` as the UUID apps already store): a UUID for every record, the six-digit GB/T 2260 code for a region.
 */
@InterfaceType('Node', {
  description:
    'A record that can be fetched again by its id alone (Relay Object Identification) through `node(id:)` or `nodes(ids:)`. Ids are the records\' own ids: a UUID, or the six-digit GB/T 2260 code of a Region.',
})
export abstract class Node {
  @Field(() => ID, { description: 'The record\'s id: a UUID, or for a Region its six-digit GB/T 2260 code. Pass it to `node(id:)` to fetch the record again.' })
  id!: string;
}
