// Every MikroORM decorator comes through this module, so a move to `@mikro-orm/decorators/legacy` is one line.
export {
  Entity,
  PrimaryKey,
  Property,
  ManyToOne,
  ManyToMany,
  OneToMany,
  Enum,
  Index,
  Unique,
  OptionalProps,
  Collection,
  ref,
  Ref,
  Type,
  ArrayType,
  JsonType,
} from '@mikro-orm/core';
export type { EntityManager } from '@mikro-orm/postgresql';
