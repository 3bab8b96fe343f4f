import Block from '@mui/icons-material/Block';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider';
import type { Station } from '../records';

/** Sets the station RETIRED (kept for history, out of nearby search) after a confirmation. */
export const RetireButton = () => {
  const record = useRecordContext<Station>();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const retire = useMutation({
    mutationFn: (station: Station) => dataProvider.retireStation(station.id, station.version),
    onSuccess: () => {
      notify('resources.stations.actions.retired', { type: 'info' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => setOpen(false),
  });
  if (!record || record.status === 'RETIRED') return null;
  return (
    <>
      <Button label="resources.stations.actions.retire" onClick={() => setOpen(true)} color="warning">
        <Block />
      </Button>
      <Confirm
        isOpen={open}
        loading={retire.isPending}
        title="resources.stations.actions.retire_title"
        titleTranslateOptions={{ name: record.name }}
        content="resources.stations.actions.retire_content"
        onConfirm={() => retire.mutate(record)}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
