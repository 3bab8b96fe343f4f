import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Station } from '../records';

/** 营业中 / 已打烊 from the API's `isOpen` (its time zone, China's holidays), or "unknown". */
export const OpenNowField = (_props: Partial<FieldProps<Station>>) => {
  const record = useRecordContext<Station>();
  const translate = useTranslate();
  if (!record) return null;
  const { isOpen } = record;
  const label = translate(isOpen == null ? 'yizhan.openingHours.unknown' : isOpen ? 'yizhan.openingHours.open' : 'yizhan.openingHours.closed');
  return <Chip size="small" label={label} color={isOpen ? 'success' : 'default'} variant={isOpen == null ? 'outlined' : 'filled'} />;
};
