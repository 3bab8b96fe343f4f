import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { Campaign } from '../campaigns/campaign.entity';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { newCalendarToken } from '../volunteers/volunteer.entity';

/**
 * A sign-up link (报名链接) a coordinator posts, as a QR code, in a WeChat group: whoever opens it can register as a
 * volunteer (joining `team` when set) and sign up for the campaign's open shifts, until it expires or is revoked.
 */
@ObjectType({ description: 'A sign-up link (报名链接) for a campaign, optionally for one team and until an expiry; revoking it stops it at once (the page answers 410 LINK_REVOKED).' })
@Entity({ tableName: 'signup_link' })
export class SignupLink {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'token';

  @Field(() => ID, { description: 'The link record (UUID); not the secret of its URL.' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  /** The secret of the link's URL (192 bits, URL-safe). */
  @Property({ columnType: 'text' }) token: string = newCalendarToken();
  @ManyToOne(() => Campaign, { ref: true, deleteRule: 'cascade' }) campaign!: Ref<Campaign>;
  @ManyToOne(() => VolunteerTeam, { ref: true, nullable: true, deleteRule: 'cascade' }) volunteerTeam?: Ref<VolunteerTeam> | null;
  @Field(() => Date, { nullable: true, description: 'After this instant the link answers 410 LINK_EXPIRED; null: until the campaign ends.' })
  @Property({ columnType: 'timestamptz', nullable: true })
  expiresAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was revoked (it answers 410 LINK_REVOKED from then on); null while it works.' })
  @Property({ columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) createdById?: string | null;
  @Field({ description: 'When the coordinator created it.' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field({ description: 'Last change (creation or revocation).' }) @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Optimistic-lock version, 1 on creation.' }) @Property({ version: true }) version: number = 1;
}

/** The public address of a sign-up link's page, relative to the server: `/join/<token>`. */
export const joinPath = (token: string) => `/join/${token}`;

/** The public address of a service point's check-in page (what its QR code carries): `/checkin/<token>`. */
export const checkInPath = (token: string) => `/checkin/${token}`;

/** The address of a volunteer's own page (their secret link): `/me/<token>`. */
export const mePath = (token: string) => `/me/${token}`;

@ObjectType({ description: 'The check-in code of a service point: the QR code a coordinator shows or prints at the point. A volunteer scans it with their phone, where their own link is remembered, to check in to their shift there (within the check-in window).' })
export class CheckInCode {
  @Field(() => ID, { description: 'The service point (station) id.' }) stationId!: string;
  @Field({ description: 'e.g. /checkin/<token>; absolute URL = the server origin + path.' }) path!: string;
  @Field({ description: 'When this code was made (renewing makes a new one and the old one stops working).' }) createdAt!: Date;
}
