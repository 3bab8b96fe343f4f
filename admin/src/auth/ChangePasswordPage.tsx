import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import {
  PasswordInput,
  required,
  SaveButton,
  SimpleForm,
  Title,
  Toolbar,
  useGetIdentity,
  useNavigate,
  useNotify,
  usePermissions,
  useTranslate,
  type Validator,
} from 'react-admin';
import { validatePassword } from '../common/passwords';
import { changePassword, type Identity } from './authProvider';
import { ApiError } from './graphqlFetch';
import type { Permissions } from './permissions';

const differsFromCurrent: Validator = (value, values) =>
  value && value === values?.currentPassword ? 'yizhan.auth.password_unchanged' : undefined;
const matchesNew: Validator = (value, values) => (value !== values?.newPassword ? 'yizhan.auth.password_mismatch' : undefined);

/** The API's message without its `newPassword: ` prefix (the input already says which field it is). */
const detailOf = (error: ApiError) => (error.field && error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message);

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Changes the signed-in user's own password. A user whose password was set by an administrator (a one-time
 * password) is kept on this page until they choose their own; anyone can reach it from the user menu.
 */
export const ChangePasswordPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Permissions | null>();
  const username = (identity as Identity | undefined)?.username;
  const forced = permissions?.mustChangePassword === true;

  const submit = async (values: Partial<Values>) => {
    try {
      await changePassword(values.currentPassword ?? '', values.newPassword ?? '');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') {
        if (error.field === 'currentPassword') return { currentPassword: 'yizhan.auth.wrong_current_password' };
        if (error.field === 'newPassword') return { newPassword: detailOf(error) };
      }
      notify(error instanceof ApiError && error.code === 'RATE_LIMITED' ? 'yizhan.errors.rate_limited' : 'yizhan.auth.password_change_failed', {
        type: 'error',
      });
      return undefined;
    }
    // Permissions and identity change (mustChangePassword is now false): read them again before moving on,
    // or the forced-change guard would still see the old value.
    await queryClient.invalidateQueries({ queryKey: ['auth'] });
    notify('yizhan.auth.password_changed', { type: 'success' });
    navigate('/');
    return undefined;
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 560 }} data-testid="change-password">
      <Title title="yizhan.auth.change_password" />
      <CardContent sx={{ pb: 0 }}>
        <Typography variant="h6">{translate('yizhan.auth.change_password')}</Typography>
        {forced && (
          <Alert severity="warning" sx={{ mt: 2 }} data-testid="must-change-password">
            {translate('yizhan.auth.must_change_password')}
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('yizhan.auth.password_rules')}
        </Typography>
      </CardContent>
      <SimpleForm
        onSubmit={submit as never}
        toolbar={
          <Toolbar>
            <SaveButton label="yizhan.auth.change_password" />
          </Toolbar>
        }
      >
        <PasswordInput source="currentPassword" label="yizhan.auth.current_password" autoComplete="current-password" validate={required()} />
        <PasswordInput
          source="newPassword"
          label="yizhan.auth.new_password"
          autoComplete="new-password"
          validate={[required(), validatePassword(username), differsFromCurrent]}
        />
        <PasswordInput source="confirmPassword" label="yizhan.auth.confirm_password" autoComplete="new-password" validate={[required(), matchesNew]} />
      </SimpleForm>
    </Card>
  );
};
