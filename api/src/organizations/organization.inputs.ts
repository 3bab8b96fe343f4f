import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ListRule, nameRule, TextRule } from '../common/input-rules';
import { FILTER_IDS_RULE } from '../common/list-query';
import { SortDirection } from '../common/pagination';
import { OrganizationKind } from './organization.entity';

@InputType({ description: 'Filters of the admin organization list; all given conditions must hold.' })
export class OrganizationFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids (at most 1000).' }) @ListRule(FILTER_IDS_RULE) ids?: string[];
  @Field(() => [OrganizationKind], { nullable: true, description: 'Only organizations of these kinds.' }) kinds?: OrganizationKind[];
  @Field(() => String, { nullable: true, description: 'Case-insensitive text contained in the name (at most 100 characters, trimmed).' }) @TextRule({ max: 100 }) search?: string;
  @Field(() => ID, { nullable: true, description: 'Only direct children of this organization.' }) parentId?: string;
  @Field(() => String, { nullable: true, description: 'Leading digits of the GB/T 2260 code (1–6 digits).' }) @TextRule({ pattern: /^[0-9]{0,6}$/, patternMessage: 'must be 1 to 6 digits', patternReason: 'REGION_CODE_PREFIX_FORMAT', patternArgs: { max: 6 } }) regionCodePrefix?: string;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only organizations the caller may name on their records (a station\'s operator or host, a campaign\'s organizer), by the access policy: for an OPERATOR or COORDINATOR their own organizations and every one below them, for an ADMIN all. What the admin\'s dropdowns offer.',
  })
  assignable?: boolean;
}

export enum OrganizationOrderField {
  NAME = 'NAME',
  KIND = 'KIND',
  REGION_CODE = 'REGION_CODE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(OrganizationOrderField, {
  name: 'OrganizationOrderField',
  description: 'What the admin organization list is sorted by.',
  valuesConfig: {
    NAME: { description: 'Name, in the database collation.' },
    KIND: { description: 'Kind (enum name).' },
    REGION_CODE: { description: 'GB/T 2260 region code; organizations without one last.' },
    CREATED_AT: { description: 'When the record was created.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
});

@InputType({ description: 'Sort order of the admin organization list (ties broken by id).' })
export class OrganizationOrder {
  @Field(() => OrganizationOrderField, { defaultValue: OrganizationOrderField.NAME, description: 'Sort key.' }) field!: OrganizationOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Sort direction.' }) direction!: SortDirection;
}

@InputType({ description: 'A new organization.' })
export class OrganizationCreateInput {
  @Field(() => OrganizationKind, { description: 'What the organization is.' }) kind!: OrganizationKind;

  @Field({ description: '1–200 characters (Unicode code points, trimmed), at least one of them visible.' })
  @TextRule(nameRule(200))
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The enclosing union or federation.' }) parentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code that must exist.' }) @TextRule({ max: 6, singleLine: true }) regionCode?: string | null;
}

@InputType({ description: 'Changes to an organization; fields left out stay as they are.' })
export class OrganizationUpdateInput {
  @Field(() => OrganizationKind, { nullable: true, description: 'New kind.' }) kind?: OrganizationKind;

  @Field(() => String, { nullable: true, description: '1–200 characters (Unicode code points, trimmed), at least one of them visible.' })
  @TextRule(nameRule(200))
  name?: string;

  @Field(() => ID, { nullable: true, description: 'New enclosing union or federation (UUID); null makes it a root.' }) parentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code that must exist; null clears it.' }) @TextRule({ max: 6, singleLine: true }) regionCode?: string | null;
}
