import { Box, Typography } from '@mui/material';
import { Button, Title, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

/**
 * The admin's 404 page. react-admin's own appends an ASCII "." to `ra.message.not_found`, which doubles the
 * Chinese full stop (`。.`); this one shows the sentence as translated.
 */
export const NotFoundPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <Box sx={{ textAlign: 'center', mt: 6 }} data-testid="not-found">
      <Title title={translate('ra.page.not_found')} />
      <Typography variant="h4" component="h1" gutterBottom>
        {translate('ra.page.not_found')}
      </Typography>
      <Typography color="text.secondary">{translate('ra.message.not_found')}</Typography>
      <Button sx={{ mt: 2 }} variant="outlined" label="ra.action.back" onClick={() => navigate(-1)} />
    </Box>
  );
};
