import { Box } from '@mui/material';
import { EditButton, Link, Show, TopToolbar, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { Shift } from '../records';
import { ShiftDetails } from './ShiftDetails';

const Actions = () => {
  const record = useRecordContext<Shift>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      {record && (
        <Link to={createPath({ resource: 'campaigns', id: record.campaignId, type: 'show' })} sx={{ mr: 2 }}>
          {translate('resources.shifts.actions.to_campaign', { name: record.campaign.name })}
        </Link>
      )}
      <EditButton />
    </TopToolbar>
  );
};

const Details = () => {
  const record = useRecordContext<Shift>();
  if (!record) return null;
  return (
    <Box sx={{ p: 2, maxWidth: 900 }}>
      <ShiftDetails shiftId={String(record.id)} campaignId={record.campaignId} />
    </Box>
  );
};

/** A shift with its sign-ups and their actions (the same panel as on the campaign calendar). */
export const ShiftShow = () => (
  <Show actions={<Actions />}>
    <Details />
  </Show>
);
