import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Station } from '../records';

/** A warning chip when the record's provenance says it needs a check on site; nothing otherwise. */
export const NeedsReviewField = (_props: Partial<FieldProps<Station>>) => {
  const record = useRecordContext<Station>();
  const translate = useTranslate();
  if (!record?.provenance?.needsReview) return null;
  return (
    <Chip
      size="small"
      color="warning"
      icon={<ReportProblemOutlined />}
      label={translate('resources.stations.fields.needsReview')}
    />
  );
};
