import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { Station } from '../stations/station.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { Shift } from '../shifts/shift.entity';

@ObjectType({ description: 'A supply handed out (慰问物资): 矿泉水 (瓶), 方便面 (箱), 防暑药品 (盒), 绿豆汤 (桶).' })
@Entity({ tableName: 'supply_item' })
export class SupplyItem {
  [OptionalProps]?: 'createdAt';
  @Field(() => ID, { description: 'UUID of the supply item.' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'What is handed out, 1–50 characters, e.g. 矿泉水.' }) @Property({ columnType: 'text' }) name!: string;
  @Field({ description: 'Unit it is counted in, 1–20 characters, e.g. 瓶, 箱, 盒.' }) @Property({ columnType: 'text' }) unit!: string;
  @ManyToOne(() => Campaign, { ref: true, nullable: true, deleteRule: 'cascade' }) campaign?: Ref<Campaign> | null;
  @Field({ description: 'When the record was created (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
}

@ObjectType({ description: 'A quantity of one supply handed out at a station on a day (optionally during a shift).' })
@Entity({ tableName: 'supply_tally' })
export class SupplyTally {
  [OptionalProps]?: 'createdAt';
  @Field(() => ID, { description: 'UUID of the tally.' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => SupplyItem, { ref: true, deleteRule: 'restrict' }) item!: Ref<SupplyItem>;
  @ManyToOne(() => Station, { ref: true, deleteRule: 'restrict' }) station!: Ref<Station>;
  @ManyToOne(() => Shift, { ref: true, nullable: true, deleteRule: 'restrict' }) shift?: Ref<Shift> | null;
  @Field({ description: 'Local date (YYYY-MM-DD).' }) @Property({ columnType: 'date', type: 'string' }) day!: string;
  @Field(() => Int, { description: 'How many `item.unit` were handed out, 1–1000000.' }) @Property({ type: 'integer' }) quantity!: number;
  @Property({ type: 'uuid', nullable: true }) recordedById?: string | null;
  @Field({ description: 'When the record was created (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
}

@ObjectType({ description: 'People served (服务人次) at a station on a day. No personal data about the workers served.' })
@Entity({ tableName: 'service_log' })
export class ServiceLog {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';
  @Field(() => ID, { description: 'UUID of the log entry.' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Station, { ref: true, deleteRule: 'restrict' }) station!: Ref<Station>;
  @Field({ description: 'Local date (YYYY-MM-DD).' }) @Property({ columnType: 'date', type: 'string' }) day!: string;
  @Field(() => Int, { description: 'People served (人次) that day, 0–1000000; recording the same station and day again replaces the figure.' }) @Property({ type: 'integer' }) peopleServed!: number;
  @ManyToOne(() => Campaign, { ref: true, nullable: true, deleteRule: 'set null' }) campaign?: Ref<Campaign> | null;
  @Field({ description: 'When the record was created (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field({ description: 'When the record last changed (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts).' }) @Property({ version: true }) version: number = 1;
}
