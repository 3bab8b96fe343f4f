import { randomBytes } from 'node:crypto';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ListRule, nameRule, NumberRule, TextRule } from '../common/input-rules';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { ReferenceNotFoundError } from './not-found';
import { idempotent } from '../common/idempotency';
import { offsetPage } from '../common/pagination';
import { PAGE_LIMIT_RULE, PAGE_OFFSET_RULE } from '../common/page-args';
import { Organization } from '../organizations/organization.entity';
import { assertUuid } from '../common/ids';
import { ApiKey, ApiScope } from './api-key.entity';
import { Role, User } from './user.entity';
import { hashApiKey } from './viewer';

const ApiKeyPage = offsetPage(ApiKey, 'ApiKeyPage');

@InputType({ description: 'A new third-party API key.' })
export class ApiKeyCreateInput {
  @Field({ description: 'What the key is for, 1–100 characters (trimmed), at least one of them visible.' }) @TextRule(nameRule(100)) name!: string;
  @Field(() => ID, { nullable: true, description: 'UUID of the organization responsible for the key; NOT_FOUND on input.ownerOrganizationId when there is none.' }) ownerOrganizationId?: string;
  @Field(() => String, { nullable: true, description: 'Who to call about the key (not public), at most 200 characters (trimmed).' }) @TextRule({ max: 200, emptyToNull: true }) contact?: string;
  @Field(() => [ApiScope], { nullable: true, defaultValue: [ApiScope.PUBLIC_READ], description: '1–5 scopes; default PUBLIC_READ (TOO_FEW / TOO_MANY on input.scopes otherwise).' }) @ListRule({ min: 1, max: 5, noun: 'scopes' }) scopes?: ApiScope[];
  @Field(() => Int, { nullable: true, description: 'Query cost points per minute, 1–1000000 (default API_KEY_DEFAULT_QUOTA; INTEGER_RANGE on input.quotaPerMinute otherwise).' }) @NumberRule({ min: 1, max: 1_000_000 }) quotaPerMinute?: number;
}

@ObjectType({ description: 'A created API key with its secret. The secret is shown only here, once; it is null on an idempotent replay.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The stored key record.' }) apiKey!: ApiKey;
  @Field(() => String, { nullable: true, description: 'The full key, `yz_<prefix>_<secret>`; send it as `Authorization: Bearer …` or `X-API-Key`.' }) secret!: string | null;
}

async function createKey(em: EntityManager, input: ApiKeyCreateInput, createdBy: string, defaultQuota: number): Promise<{ key: ApiKey; secret: string }> {
  const name = input.name.trim();
  if (!name) throw new BadInputError('input.name', 'must not be empty', 'EMPTY');
  // The bounds of a given quota are its @NumberRule; the default is bounded by the configuration (config.ts).
  const quota = input.quotaPerMinute ?? defaultQuota;
  let owner: Organization | null = null;
  if (input.ownerOrganizationId) {
    assertUuid(input.ownerOrganizationId, 'input.ownerOrganizationId');
    owner = await em.findOne(Organization, input.ownerOrganizationId);
    if (!owner) throw new ReferenceNotFoundError('Organization', input.ownerOrganizationId, 'input.ownerOrganizationId');
  }
  const prefix = `yz_${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8)}`;
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  const key = em.create(ApiKey, {
    name,
    prefix,
    secretHash: hashApiKey(secret),
    ownerOrganization: owner,
    contact: input.contact?.trim() || null,
    scopes: [...new Set(input.scopes ?? [ApiScope.PUBLIC_READ])],
    quotaPerMinute: quota,
    createdBy: em.getReference(User, createdBy),
  });
  await em.flush();
  return { key, secret };
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Role.ADMIN)
  @Query(() => ApiKeyPage, { description: 'ADMIN: API keys (never their secrets), newest first.' })
  async apiKeys(
    @Ctx() { em }: Context,
    @Arg('includeRevoked', () => Boolean, { defaultValue: false, description: 'Also list revoked keys.' }) includeRevoked: boolean,
    @Arg('limit', () => Int, { defaultValue: 25, description: 'Page size, 1–1000.' }) @NumberRule(PAGE_LIMIT_RULE) limit = 25,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Rows to skip, 0–1000000.' }) @NumberRule(PAGE_OFFSET_RULE) offset = 0,
  ) {
    const [items, totalCount] = await em.findAndCount(ApiKey, includeRevoked ? {} : { revokedAt: null }, { limit, offset, orderBy: { createdAt: 'desc', id: 'asc' } });
    return { nodes: items, totalCount };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'ADMIN: creates an API key and returns its secret once (only a SHA-256 of it is stored).' })
  async createApiKey(
    @Arg('input', () => ApiKeyCreateInput, { description: 'The new key\'s name, contact, owner, scopes and quota.' }) input: ApiKeyCreateInput,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'The same key and input return the first key (with secret null: it is shown once).' }) idempotencyKey?: string,
  ): Promise<CreatedApiKey> {
    let secret: string | null = null;
    const { result } = await idempotent(
      ctx.em,
      { actor: ctx.access.userId!, key: idempotencyKey, operation: 'createApiKey', body: input },
      async (em) => {
        const made = await createKey(em, input, ctx.access.userId!, ctx.config.API_KEY_DEFAULT_QUOTA);
        secret = made.secret;
        return made.key;
      },
      (em, id) => em.findOneOrFail(ApiKey, id),
    );
    return Object.assign(new CreatedApiKey(), { apiKey: result, secret });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'ADMIN: revokes an API key at once (its next request is UNAUTHENTICATED). Revoking twice keeps the first time.' })
  async revokeApiKey(@Arg('id', () => ID, { description: 'UUID of the key record to revoke; NOT_FOUND on id when there is none.' }) id: string, @Ctx() { em }: Context): Promise<ApiKey> {
    assertUuid(id, 'id');
    const key = await em.findOne(ApiKey, id);
    if (!key) throw new ReferenceNotFoundError('ApiKey', id, 'id');
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await em.flush();
    }
    return key;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Organization responsible for the key.' })
  ownerOrganization(@Root() key: ApiKey): Promise<Organization | null> | null {
    return key.ownerOrganization ? key.ownerOrganization.load({ dataloader: true }) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Username of the admin who created it.' })
  async createdBy(@Root() key: ApiKey): Promise<string | null> {
    return key.createdBy ? (await key.createdBy.load({ dataloader: true }))?.username ?? null : null;
  }
}
