import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A heading between groups of inputs or fields. */
export const SectionTitle = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h3" sx={{ mt: 2, mb: 1, fontWeight: 600, width: '100%' }}>
      {translate(title)}
    </Typography>
  );
};
