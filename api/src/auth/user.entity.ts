import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Collection, Entity, Enum, ManyToMany, OptionalProps, PrimaryKey, Property } from '../common/orm';
import { randomUUID } from 'node:crypto';
import { Organization } from '../organizations/organization.entity';

/** What a staff account may do (issue "Accounts, roles, API keys and hardening"). */
export enum Role {
  /** Federation staff: everything, including accounts, API keys and the audit log. */
  ADMIN = 'ADMIN',
  /** Station operator: the stations whose operating or host organization is one of theirs (or below one of theirs). */
  OPERATOR = 'OPERATOR',
  /** Volunteer coordinator: the teams, volunteers, campaigns and shifts of their teams and organizations. */
  COORDINATOR = 'COORDINATOR',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'ADMIN: federation staff, everything. OPERATOR: stations of their organizations. COORDINATOR: teams, volunteers, campaigns and shifts of their organizations.',
  valuesConfig: {
    ADMIN: { description: 'Federation staff: everything, including accounts, API keys and the audit log.' },
    OPERATOR: { description: 'Keeps the stations of their organizations (and those below them in the union tree) true.' },
    COORDINATOR: { description: 'Plans the teams, volunteers, campaigns and shifts of their organizations.' },
  },
});

@ObjectType({ description: 'A staff account (federation staff, station operator or volunteer coordinator). Never visible to anonymous callers or API keys.' })
@Entity({ tableName: 'user_account' })
export class User {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'disabled' | 'mustChangePassword' | 'lastLoginAt';

  @Field(() => ID, { description: 'UUID of the account.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Login name: 3–40 of a–z, 0–9, `.`, `_`, `-`, starting with a letter or digit; stored lower-case.' })
  @Property({ columnType: 'text' })
  username!: string;

  @Field({ description: 'Name shown in the admin and the audit log, e.g. 李娜.' })
  @Property({ columnType: 'text' })
  displayName!: string;

  /** Argon2id PHC string; never exposed through GraphQL and redacted in the audit log. */
  @Property({ columnType: 'text', lazy: true })
  passwordHash!: string;

  @Field(() => Role, { description: 'What the account may do.' })
  @Enum({ items: () => Role, columnType: 'text' })
  role!: Role;

  @ManyToMany(() => Organization, undefined, {
    pivotTable: 'user_account_organizations',
    joinColumn: 'user_account_id',
    inverseJoinColumn: 'organization_id',
  })
  organizations = new Collection<Organization>(this);

  @Field({ description: 'A disabled account cannot log in and its sessions stop working.' })
  @Property({ default: false })
  disabled: boolean = false;

  @Field({ description: 'true after a one-time or reset password: every operation but changePassword, me and logout is FORBIDDEN until it is changed.' })
  @Property({ default: false })
  mustChangePassword: boolean = false;

  @Field({ description: 'When the record was created.' })
  @Property({ columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'When the record last changed.' })
  @Property({ columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in; null if never.' })
  @Property({ columnType: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;

  @Field(() => Int, { description: 'Optimistic-lock version; send it back with an update.' })
  @Property({ version: true })
  version: number = 1;
}
