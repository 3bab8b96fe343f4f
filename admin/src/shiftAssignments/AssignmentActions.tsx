import Cancel from '@mui/icons-material/Cancel';
import CheckCircle from '@mui/icons-material/CheckCircle';
import Login from '@mui/icons-material/Login';
import Logout from '@mui/icons-material/Logout';
import PersonOff from '@mui/icons-material/PersonOff';
import MoreTime from '@mui/icons-material/MoreTime';
import { Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AssignmentAction, YizhanDataProvider } from '../dataProvider';
import type { AssignmentStatus } from '../enums';
import type { ShiftAssignment } from '../records';

/** Which transitions the API allows from each status (it checks again). */
const ACTIONS_BY_STATUS: Record<AssignmentStatus, AssignmentAction[]> = {
  SIGNED_UP: ['checkIn', 'confirm', 'noShow', 'cancel'],
  CONFIRMED: ['checkIn', 'noShow', 'cancel'],
  WAITLISTED: ['cancel'],
  CHECKED_IN: ['checkOut'],
  COMPLETED: ['approveHours'],
  NO_SHOW: [],
  CANCELLED: [],
};

const ICONS: Record<AssignmentAction, ReactElement> = {
  checkIn: <Login />,
  checkOut: <Logout />,
  confirm: <CheckCircle />,
  noShow: <PersonOff />,
  cancel: <Cancel />,
  approveHours: <MoreTime />,
};

interface Props {
  assignment: Pick<ShiftAssignment, 'id' | 'status' | 'hoursCredited'> & { volunteer: { name: string } };
  /** Called after a change (to read the shift and the fill rate again). */
  onChanged?: (updated: ShiftAssignment) => void;
  /** No-show only once the shift has started (the API refuses it before). */
  started?: boolean;
}

/**
 * The buttons for one sign-up: check in, check out (now), confirm, no-show, cancel (after a confirmation; the
 * first waitlisted volunteer then takes the place) and approve hours of a completed one. Errors show the API's
 * message.
 */
export const AssignmentActions = ({ assignment, onChanged, started = true }: Props) => {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [hoursOpen, setHoursOpen] = useState(false);
  const [hours, setHours] = useState('');
  const run = useMutation({
    mutationFn: ({ action, hours }: { action: AssignmentAction; hours?: number }) => dataProvider.assignmentAction(action, assignment.id, hours),
    onSuccess: (updated, { action }) => {
      notify(`yizhan.scheduling.assignment.done_${action}`, { type: 'success', messageArgs: { name: assignment.volunteer.name } });
      setConfirmCancel(false);
      setHoursOpen(false);
      onChanged?.(updated);
    },
    onError: (error: Error) => {
      setConfirmCancel(false);
      notify(translate('yizhan.scheduling.assignment.failed', { error: translate(error.message, { _: error.message }) }), { type: 'error' });
    },
  });
  const actions = ACTIONS_BY_STATUS[assignment.status].filter((a) => a !== 'noShow' || started);
  if (!actions.length) return null;
  const hoursValue = Number(hours);
  const hoursValid = hours !== '' && Number.isFinite(hoursValue) && hoursValue >= 0 && hoursValue <= 48;
  return (
    <Stack direction="row" gap={0.5} flexWrap="wrap" onClick={(e) => e.stopPropagation()}>
      {actions.map((action) => (
        <Button
          key={action}
          size="small"
          label={`yizhan.scheduling.assignment.${action}`}
          color={action === 'cancel' || action === 'noShow' ? 'error' : 'primary'}
          disabled={run.isPending}
          data-testid={`assignment-${action}`}
          onClick={() => {
            if (action === 'cancel') setConfirmCancel(true);
            else if (action === 'approveHours') {
              setHours(assignment.hoursCredited == null ? '' : String(assignment.hoursCredited));
              setHoursOpen(true);
            } else run.mutate({ action });
          }}
        >
          {ICONS[action]}
        </Button>
      ))}
      <Confirm
        isOpen={confirmCancel}
        loading={run.isPending}
        title="yizhan.scheduling.assignment.cancel_title"
        titleTranslateOptions={{ name: assignment.volunteer.name }}
        content="yizhan.scheduling.assignment.cancel_content"
        onConfirm={() => run.mutate({ action: 'cancel' })}
        onClose={() => setConfirmCancel(false)}
      />
      <Dialog open={hoursOpen} onClose={() => setHoursOpen(false)} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('yizhan.scheduling.assignment.approve_title', { name: assignment.volunteer.name })}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            type="number"
            label={translate('yizhan.scheduling.assignment.hours')}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            error={hours !== '' && !hoursValid}
            helperText={translate('yizhan.scheduling.assignment.hours_help')}
            slotProps={{ htmlInput: { min: 0, max: 48, step: 0.5 } }}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setHoursOpen(false)} />
          <Button label="ra.action.save" variant="contained" disabled={!hoursValid || run.isPending} onClick={() => run.mutate({ action: 'approveHours', hours: hoursValue })} />
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
