import { Alert, Typography } from '@mui/material';
import { useState } from 'react';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { hasSessionEnded } from './authProvider';

/** react-admin's login page with the application's name, and a word when the previous session ended. */
export const LoginPage = () => {
  const translate = useTranslate();
  const [ended] = useState(hasSessionEnded);
  return (
    <Login>
      <Typography variant="h6" align="center" sx={{ mt: -1 }}>
        {translate('yizhan.auth.login_title')}
      </Typography>
      {ended && (
        <Alert severity="info" sx={{ mx: 2, mt: 1, maxWidth: 268 }} data-testid="session-ended">
          {translate('yizhan.errors.unauthenticated')}
        </Alert>
      )}
      <LoginForm />
    </Login>
  );
};
