import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Station } from '../records';

/** The station's amenities as chips with their Chinese (or English) names. */
export const AmenitiesField = ({ max }: Partial<FieldProps<Station>> & { max?: number }) => {
  const record = useRecordContext<Station>();
  const translate = useTranslate();
  if (!record) return null;
  const shown = max ? record.amenities.slice(0, max) : record.amenities;
  const hidden = record.amenities.length - shown.length;
  return (
    <Stack direction="row" flexWrap="wrap" gap={0.5} data-testid="amenities">
      {shown.map((amenity) => (
        <Chip key={amenity} size="small" label={translate(`enums.Amenity.${amenity}`)} />
      ))}
      {hidden > 0 && <Chip size="small" variant="outlined" label={`+${hidden}`} />}
    </Stack>
  );
};
