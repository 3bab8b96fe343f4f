import { Field, ID, InputType } from 'type-graphql';
import { ListRule, nameRule, TextRule } from '../common/input-rules';
import { Role } from './user.entity';

@InputType({ description: 'A new staff account. OPERATOR and COORDINATOR accounts need at least one organization.' })
export class UserCreateInput {
  @Field({ description: '3–40 of a–z, 0–9, `.`, `_`, `-` (trimmed), starting with a letter or digit; stored lower-case.' }) @TextRule({}) username!: string;
  @Field({ description: 'Name shown in the admin, 1–100 characters (trimmed), at least one of them visible.' }) @TextRule(nameRule(100)) displayName!: string;
  @Field(() => Role, { description: 'What the account may do.' }) role!: Role;
  @Field(() => [ID], { nullable: true, description: 'UUIDs of organizations, at most 50 (TOO_MANY on input.organizationIds); the account acts for these and every organization below them.' })
  @ListRule({ max: 50, noun: 'organizations' }) organizationIds?: string[];
  @Field({ description: 'Initial password, 10–128 characters, not containing the username (not trimmed).' }) @TextRule({ trim: false, max: 128 }) password!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Make the user choose their own password at first login (default true).' })
  mustChangePassword?: boolean;
}

@InputType({ description: 'Changes to a staff account; omitted fields stay as they are. Role, organization and disabling changes end its sessions.' })
export class UserUpdateInput {
  @Field(() => String, { nullable: true, description: 'Name shown in the admin, 1–100 characters (trimmed), at least one of them visible.' }) @TextRule(nameRule(100)) displayName?: string | null;
  @Field(() => Role, { nullable: true, description: 'New role.' }) role?: Role | null;
  @Field(() => [ID], { nullable: true, description: 'The whole new list of organization UUIDs (at most 50; TOO_MANY on input.organizationIds), replacing the old one.' }) @ListRule({ max: 50, noun: 'organizations' }) organizationIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'A disabled account cannot sign in; its sessions end at once.' }) disabled?: boolean | null;
}

@InputType({ description: 'Filters of the account list; all given conditions must hold.' })
export class UserFilter {
  @Field(() => Role, { nullable: true, description: 'Only accounts with this role.' }) role?: Role;
  @Field(() => Boolean, { nullable: true, description: 'Only disabled (true) or enabled (false) accounts.' }) disabled?: boolean;
  @Field(() => ID, { nullable: true, description: 'Members of this organization (directly): its UUID.' }) organizationId?: string;
  @Field(() => String, { nullable: true, description: 'Part of the username or display name (at most 100 characters, trimmed).' }) @TextRule({ max: 100 }) search?: string;
}
