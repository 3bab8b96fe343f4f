import { Field, InputType, Int } from 'type-graphql';
import { ListRule, LOCAL_DATE_RULE, nameRule, NumberRule, TextRule } from '../common/input-rules';
import { InspectionStandard, LiuYouItem, TitleLevel } from './grading.entity';

@InputType({ description: 'One checklist item of an inspection.' })
export class InspectionItemInput {
  @Field(() => LiuYouItem, { description: 'The item; each item of the standard exactly once.' }) item!: LiuYouItem;
  @Field({ description: 'Whether the station met it.' }) passed!: boolean;
  @Field(() => String, { nullable: true, description: 'Note, at most 200 characters (trimmed; empty means none).' })
  @TextRule({ max: 200, emptyToNull: true })
  note?: string | null;
}

@InputType({ description: 'An acceptance inspection. The result is PASSED when every item passed, else FAILED.' })
export class StationInspectionInput {
  @Field(() => InspectionStandard, { defaultValue: InspectionStandard.LIU_YOU, description: 'The standard checked (default 六有).' }) standard!: InspectionStandard;
  @Field(() => [InspectionItemInput], { description: 'Every item of the standard exactly once (BAD_USER_INPUT on input.items naming a missing one, input.items[i].item for a repeated one).' })
  items!: InspectionItemInput[];
  @Field({ description: 'Inspector\'s name, 1–50 characters (trimmed, at least one visible).' }) @TextRule(nameRule(50)) inspectorName!: string;
  @Field({ description: 'Local date of the inspection, YYYY-MM-DD; not after today in the station\'s time zone.' }) @TextRule(LOCAL_DATE_RULE) inspectedOn!: string;
  @Field(() => String, { nullable: true, description: 'Remarks, at most 1000 characters (trimmed; empty means none).' }) @TextRule({ max: 1000, emptyToNull: true }) notes?: string | null;
}

@InputType({ description: 'An 优秀站点 title.' })
export class StationTitleInput {
  @Field(() => TitleLevel, { description: '全国, 省级 or 市级.' }) level!: TitleLevel;
  @Field(() => Int, { description: 'Year awarded, 1990 to this year; one title per level and year.' }) year!: number;
  @Field({ description: 'Awarding body, 1–100 characters (trimmed, at least one visible), e.g. 江苏省总工会.' }) @TextRule(nameRule(100)) awardingBody!: string;
  @Field(() => String, { nullable: true, description: 'Where the award is documented, at most 500 characters (trimmed; empty means none).' }) @TextRule({ max: 500, emptyToNull: true }) source?: string | null;
}

@InputType({ description: 'A station\'s grade: its stars and the whole list of its titles (replacing the old list).' })
export class StationGradeInput {
  @Field(() => Int, { nullable: true, description: '1–5 stars (INTEGER_RANGE on input.stars otherwise); null: not graded.' }) @NumberRule({ min: 1, max: 5 }) stars?: number | null;
  @Field(() => [StationTitleInput], { description: 'Every title the station holds (at most 50; TOO_MANY on input.titles); the old list is replaced.' }) @ListRule({ max: 50, noun: 'titles' }) titles!: StationTitleInput[];
}
