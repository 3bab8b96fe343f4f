import { Migration } from '@mikro-orm/migrations';

/**
 * Volunteer self-sign-up (issue 16 §2): sign-up links a coordinator posts (as a QR code) for a campaign, optionally
 * for one team and until an expiry; each volunteer's secret self-service link (only its SHA-256 is stored) with the
 * consent they gave (text version and time); and the check-in code of a service point, which its QR code carries.
 */
export class Migration20261203400000_self_signup extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table signup_link (
  id uuid primary key,
  token text not null unique check (token ~ '^[A-Za-z0-9_-]{32}$'),
  campaign_id uuid not null references campaign (id) on delete cascade,
  volunteer_team_id uuid references volunteer_team (id) on delete cascade,
  expires_at timestamptz,
  revoked_at timestamptz,
  created_by_id uuid references user_account (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);`);
    this.addSql(`create index signup_link_campaign on signup_link (campaign_id, created_at desc);`);
    this.addSql(`comment on table signup_link is 'A sign-up link for a campaign (optionally one team, until expires_at); revoked_at stops it at once.';`);
    this.addSql(`create table volunteer_access (
  volunteer_id uuid primary key references volunteer (id) on delete cascade,
  token_hash text not null unique,
  signup_link_id uuid references signup_link (id) on delete set null,
  consent_version text not null,
  consent_at timestamptz not null,
  created_at timestamptz not null default now()
);`);
    this.addSql(`comment on table volunteer_access is 'A volunteer who signed up by link: SHA-256 (hex) of their secret self-service token, the link, and the consent text version and time.';`);
    this.addSql(`create table check_in_code (
  station_id uuid primary key references station (id) on delete cascade,
  token text not null unique check (token ~ '^[A-Za-z0-9_-]{32}$'),
  created_at timestamptz not null default now()
);`);
    this.addSql(`comment on table check_in_code is 'The current check-in code of a service point (its QR code); renewing it replaces the row.';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table check_in_code;');
    this.addSql('drop table volunteer_access;');
    this.addSql('drop table signup_link;');
  }
}
