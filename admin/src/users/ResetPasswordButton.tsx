import Casino from '@mui/icons-material/Casino';
import LockReset from '@mui/icons-material/LockReset';
import { Dialog, DialogActions, DialogContent, DialogTitle, IconButton, InputAdornment, TextField, Tooltip, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider';
import type { User } from '../records';
import { randomPassword, validatePassword } from '../common/passwords';

type ValidationMessage = string | { message: string; args?: Record<string, unknown> } | undefined;

/**
 * Sets a one-time password for the user (resetUserPassword): they must replace it at next sign-in and their
 * sessions end now. The password is shown in clear so the admin can hand it over.
 */
export const ResetPasswordButton = () => {
  const record = useRecordContext<User>();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [serverError, setServerError] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => dataProvider.resetUserPassword(id, password),
    onSuccess: () => {
      notify('resources.users.actions.reset_done', { type: 'success', autoHideDuration: 8000 });
      setOpen(false);
      refresh();
    },
    onError: (error: any) => {
      if (error?.body?.field === 'password') setServerError(error.message);
      else notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
    },
  });
  if (!record) return null;

  const validation = validatePassword(record.username)(password, {}, {} as never) as ValidationMessage;
  const validationText = validation ? (typeof validation === 'string' ? translate(validation) : translate(validation.message, validation.args)) : null;
  const start = () => {
    setPassword(randomPassword());
    setServerError(null);
    setOpen(true);
  };

  return (
    <>
      <Button label="resources.users.actions.reset_password" onClick={start} data-testid="reset-password">
        <LockReset />
      </Button>
      <Dialog open={open} onClose={() => !reset.isPending && setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('resources.users.actions.reset_password_title', { name: record.displayName })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('resources.users.actions.reset_password_content')}
          </Typography>
          <TextField
            fullWidth
            label={translate('resources.users.actions.one_time_password')}
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setServerError(null);
            }}
            error={Boolean(serverError || (password && validationText))}
            helperText={serverError ?? validationText ?? translate('resources.users.helper.password')}
            autoComplete="off"
            slotProps={{
              htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } },
              input: {
                endAdornment: (
                  <InputAdornment position="end">
                    <Tooltip title={translate('resources.users.actions.generate')}>
                      <IconButton onClick={() => setPassword(randomPassword())} edge="end" aria-label={translate('resources.users.actions.generate')}>
                        <Casino />
                      </IconButton>
                    </Tooltip>
                  </InputAdornment>
                ),
              },
            }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={reset.isPending} />
          <Button
            label="resources.users.actions.reset_password"
            variant="contained"
            disabled={Boolean(validationText) || reset.isPending}
            onClick={() => reset.mutate({ id: record.id, password })}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
