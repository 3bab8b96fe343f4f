import Block from '@mui/icons-material/Block';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider';
import type { ApiKey } from '../records';

/** Revokes the key after a confirmation; requests with it are refused at once. */
export const RevokeButton = () => {
  const record = useRecordContext<ApiKey>();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const revoke = useMutation({
    mutationFn: (id: string) => dataProvider.revokeApiKey(id),
    onSuccess: () => {
      notify('resources.apiKeys.actions.revoked', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => setOpen(false),
  });
  if (!record || record.revokedAt) return null;
  return (
    <>
      <Button
        label="resources.apiKeys.actions.revoke"
        color="error"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid="revoke-api-key"
      >
        <Block />
      </Button>
      <Confirm
        isOpen={open}
        loading={revoke.isPending}
        title="resources.apiKeys.actions.revoke_title"
        titleTranslateOptions={{ name: record.name }}
        content="resources.apiKeys.actions.revoke_content"
        confirmColor="warning"
        onConfirm={() => revoke.mutate(record.id)}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
