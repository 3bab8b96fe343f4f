import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatShiftTime } from '../scheduling/time';
import type { ShiftAssignment } from '../records';

/** The shift of an assignment, in its campaign's time zone: `6/2 周二 20:00–08:00 (次日)`. */
export const ShiftTimeField = (_props: Partial<FieldProps<ShiftAssignment>>) => {
  const record = useRecordContext<ShiftAssignment>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!record?.shift) return null;
  const { startsAt, endsAt, campaign } = record.shift;
  return <>{formatShiftTime(startsAt, endsAt, campaign.timezone, locale, translate('yizhan.scheduling.next_day'))}</>;
};
