import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { ApiScope } from '../auth/api-key.entity';
import { idempotent } from '../common/idempotency';
import { offsetPage } from '../common/pagination';
import { PAGE_LIMIT_RULE, PAGE_OFFSET_RULE } from '../common/page-args';
import { ListRule, NumberRule, TextRule } from '../common/input-rules';
import { StationChange, Webhook, WebhookDelivery, WebhookDeliveryStatus } from './webhook.entity';
import { createWebhook, deactivateWebhook, listDeliveries, ownWebhook, replayDelivery } from './webhook.service';

const WebhookDeliveryPage = offsetPage(WebhookDelivery, 'WebhookDeliveryPage');

@InputType({ description: 'A webhook to register for station changes.' })
export class WebhookCreateInput {
  @Field({ description: 'Where to POST: https:// on a public address (private, loopback and link-local addresses are refused), at most 2000 characters.' })
  @TextRule({ min: 1, max: 2000, singleLine: true })
  url!: string;

  @Field(() => String, { nullable: true, description: 'What it is for, at most 200 characters (trimmed).' })
  @TextRule({ max: 200, singleLine: true, emptyToNull: true })
  description?: string | null;

  @Field(() => [StationChange], { nullable: true, description: 'Changes to deliver, 1–6 (TOO_FEW on input.events for an empty list); omitted or null: all six.' })
  @ListRule({ min: 1, max: 6, noun: 'changes' })
  events?: StationChange[] | null;

  @Field(() => String, { nullable: true, description: 'Only stations in regions whose GB/T 2260 code starts with these 1–6 digits (e.g. `41` 河南省, `4101` 郑州市); default all.' })
  @TextRule({ max: 6, singleLine: true, emptyToNull: true, pattern: /^[0-9]{1,6}$/, patternMessage: 'must be 1 to 6 digits', patternReason: 'REGION_CODE_PREFIX_FORMAT', patternArgs: { max: 6 } })
  regionCodePrefix?: string | null;
}

@ObjectType({ description: 'A registered webhook with its signing secret, shown only here, once; null on an idempotent replay.' })
export class CreatedWebhook {
  @Field(() => Webhook, { description: 'The stored webhook.' }) webhook!: Webhook;
  @Field(() => String, { nullable: true, description: 'The signing secret `whsec_…`: verify `Yizhan-Signature` with it (README, "Webhooks").' }) secret!: string | null;
}

/** Webhooks of third-party apps: every operation needs an API key with the WEBHOOKS scope and sees only that key's webhooks. */
@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'API key with WEBHOOKS: the key\'s webhooks, oldest first.' })
  async webhooks(
    @Ctx() ctx: Context,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Also list deactivated webhooks.' }) includeInactive: boolean,
  ): Promise<Webhook[]> {
    const keyId = ctx.access.requireApiKeyScope(ApiScope.WEBHOOKS);
    return ctx.em.find(Webhook, includeInactive ? { apiKey: keyId } : { apiKey: keyId, active: true }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  @Query(() => WebhookDeliveryPage, { description: 'API key with WEBHOOKS: deliveries to the key\'s webhooks, newest first, with status, attempts and last response code.' })
  async webhookDeliveries(
    @Ctx() ctx: Context,
    @Arg('webhookId', () => ID, { nullable: true, description: 'Only this webhook\'s deliveries (NOT_FOUND if it is not the key\'s).' }) webhookId?: string,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this status.' }) status?: WebhookDeliveryStatus,
    @Arg('limit', () => Int, { defaultValue: 25, description: 'Page size, 1–1000.' }) @NumberRule(PAGE_LIMIT_RULE) limit = 25,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Rows to skip, 0–1000000.' }) @NumberRule(PAGE_OFFSET_RULE) offset = 0,
  ) {
    const keyId = ctx.access.requireApiKeyScope(ApiScope.WEBHOOKS);
    return listDeliveries(ctx.em, keyId, { webhookId, status, limit, offset });
  }

  @Mutation(() => CreatedWebhook, { description: 'API key with WEBHOOKS: registers a webhook for station changes and returns its signing secret once. At most 20 per key (CONFLICT).' })
  async createWebhook(
    @Arg('input', () => WebhookCreateInput, { description: 'URL, events and region filter.' }) input: WebhookCreateInput,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'The same key and input return the first webhook (with secret null: it is shown once).' }) idempotencyKey?: string,
  ): Promise<CreatedWebhook> {
    const keyId = ctx.access.requireApiKeyScope(ApiScope.WEBHOOKS);
    let secret: string | null = null;
    const { result } = await idempotent(
      ctx.em,
      { actor: keyId, key: idempotencyKey, operation: 'createWebhook', body: input },
      async (em) => {
        const made = await createWebhook(em, keyId, input, ctx.config.WEBHOOK_ALLOW_HTTP_LOCALHOST);
        secret = made.secret;
        return made.webhook;
      },
      (em, id) => ownWebhook(em, keyId, id, 'idempotencyKey'),
    );
    return Object.assign(new CreatedWebhook(), { webhook: result, secret });
  }

  @Mutation(() => Webhook, { description: 'API key with WEBHOOKS: stops deliveries to one of the key\'s webhooks (pending ones end FAILED). NOT_FOUND on `id` for another key\'s.' })
  async deactivateWebhook(@Arg('id', () => ID, { description: 'UUID of the webhook.' }) id: string, @Ctx() ctx: Context): Promise<Webhook> {
    const keyId = ctx.access.requireApiKeyScope(ApiScope.WEBHOOKS);
    return deactivateWebhook(ctx.em, keyId, id);
  }

  @Mutation(() => WebhookDelivery, {
    description: 'API key with WEBHOOKS: delivers a delivery\'s event again, as a new delivery with the same event id (receivers deduplicating by id see it once). BAD_USER_INPUT if its webhook is deactivated.',
  })
  async replayWebhookDelivery(@Arg('id', () => ID, { description: 'UUID of the delivery to replay.' }) id: string, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    const keyId = ctx.access.requireApiKeyScope(ApiScope.WEBHOOKS);
    return replayDelivery(ctx.em, keyId, id);
  }
}
