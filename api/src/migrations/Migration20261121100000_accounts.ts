import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts, sessions, API keys, the append-only audit log, idempotency keys and server secrets.
 * Audit rows are protected by a trigger: UPDATE, DELETE and TRUNCATE on `audit_event` raise an error.
 */
export class Migration20261121100000_accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table app_secret (
        name text primary key,
        value text not null,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table user_account (
        id uuid primary key,
        username text not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
        display_name text not null check (length(display_name) between 1 and 100),
        password_hash text not null,
        role text not null check (role in ('ADMIN', 'OPERATOR', 'COORDINATOR')),
        disabled boolean not null default false,
        must_change_password boolean not null default false,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_login_at timestamptz,
        version int not null default 1
      );`);
    this.addSql(`create unique index user_account_username_key on user_account (username);`);
    this.addSql(`
      create table user_account_organizations (
        user_account_id uuid not null references user_account (id) on delete cascade,
        organization_id uuid not null references organization (id) on delete restrict,
        primary key (user_account_id, organization_id)
      );`);
    this.addSql(`create index user_account_organizations_org_idx on user_account_organizations (organization_id);`);
    this.addSql(`
      create table user_session (
        id uuid primary key,
        user_id uuid not null references user_account (id) on delete cascade,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz,
        ip text,
        user_agent text
      );`);
    this.addSql(`create index user_session_user_idx on user_session (user_id);`);
    this.addSql(`
      create table api_key (
        id uuid primary key,
        name text not null check (length(name) between 1 and 100),
        prefix text not null,
        secret_hash text not null,
        owner_organization_id uuid references organization (id) on delete restrict,
        contact text,
        scopes text[] not null check (scopes <@ array['PUBLIC_READ']::text[] and cardinality(scopes) > 0),
        quota_per_minute int not null check (quota_per_minute between 1 and 1000000),
        created_by_id uuid references user_account (id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_used_at timestamptz,
        revoked_at timestamptz,
        version int not null default 1
      );`);
    this.addSql(`create unique index api_key_prefix_key on api_key (prefix);`);
    this.addSql(`
      create table audit_event (
        id bigserial primary key,
        at timestamptz not null default clock_timestamp(),
        actor_kind text not null check (actor_kind in ('USER', 'API_KEY', 'ANONYMOUS', 'SYSTEM')),
        actor_id text,
        actor_label text not null,
        operation text,
        action text not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
        entity_type text not null,
        entity_id text not null,
        changes jsonb not null,
        request_id text,
        ip text
      );`);
    this.addSql(`create index audit_event_entity_idx on audit_event (entity_type, entity_id, id);`);
    this.addSql(`create index audit_event_actor_idx on audit_event (actor_id, id);`);
    this.addSql(`
      create function audit_event_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger audit_event_no_update before update or delete on audit_event for each row execute function audit_event_append_only();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_append_only();`);
    this.addSql(`
      create table idempotency_key (
        actor text not null,
        key text not null check (length(key) between 8 and 100),
        operation text not null,
        request_hash text not null,
        entity_id text,
        created_at timestamptz not null default now(),
        primary key (actor, key)
      );`);
    this.addSql(`create index idempotency_key_created_idx on idempotency_key (created_at);`);
  }
}
