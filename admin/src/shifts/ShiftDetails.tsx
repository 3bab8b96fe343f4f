import Bedtime from '@mui/icons-material/Bedtime';
import HowToReg from '@mui/icons-material/HowToReg';
import {
  Alert,
  Box,
  Chip,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider';
import { schedulingKeys, useInvalidateScheduling } from '../scheduling/queries';
import { formatInstant, formatShiftTime } from '../scheduling/time';
import { AssignmentActions } from '../shiftAssignments/AssignmentActions';
import { AssignmentStatusChip } from '../shiftAssignments/AssignmentStatusChip';
import type { Shift, Volunteer } from '../records';
import { FillChip } from './FillChip';
import { VolunteerPicker } from './VolunteerPicker';

/** Statuses that keep a volunteer on the shift (they are not offered for sign-up again). */
const ON_SHIFT = new Set(['SIGNED_UP', 'WAITLISTED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW']);

export const useShift = (campaignId: string, shiftId: string) => {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  return useQuery({
    queryKey: schedulingKeys.shift(campaignId, shiftId),
    queryFn: () => dataProvider.getOne<Shift>('shifts', { id: shiftId }).then((r) => r.data),
  });
};

interface Props {
  shiftId: string;
  campaignId: string;
  /** Night flag from the fill rate (the shift record does not carry it). */
  isNight?: boolean;
}

/**
 * One shift: its time in the campaign's zone, fill state, and its sign-ups in arrival order with their actions
 * (check in, check out, cancel…); a volunteer of the campaign's teams can be signed up (WAITLISTED when full).
 */
export const ShiftDetails = ({ shiftId, campaignId, isNight }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const invalidate = useInvalidateScheduling();
  const { data: shift, isPending, error } = useShift(campaignId, shiftId);
  const [volunteer, setVolunteer] = useState<Volunteer | null>(null);
  // Bumped after each sign-up: a fresh picker (empty search) for the next volunteer.
  const [pickerKey, setPickerKey] = useState(0);
  const signUp = useMutation({
    mutationFn: (v: Volunteer) => dataProvider.signUpForShift(shiftId, v.id),
    onSuccess: async (assignment) => {
      notify(assignment.status === 'WAITLISTED' ? 'yizhan.scheduling.panel.waitlisted' : 'yizhan.scheduling.panel.signed_up', {
        type: assignment.status === 'WAITLISTED' ? 'warning' : 'success',
        messageArgs: { name: assignment.volunteer.name },
      });
      setVolunteer(null);
      setPickerKey((k) => k + 1);
      await invalidate(campaignId);
    },
    onError: (e: Error) => notify(translate('yizhan.scheduling.panel.sign_up_failed', { error: translate(e.message, { _: e.message }) }), { type: 'error' }),
  });

  if (isPending) return <CircularProgress sx={{ m: 3 }} />;
  if (error || !shift) return <Alert severity="error">{translate((error as Error)?.message ?? 'yizhan.errors.not_found', { _: (error as Error)?.message })}</Alert>;

  const zone = shift.campaign.timezone;
  const assignments = shift.assignments ?? [];
  const taken = new Set(assignments.filter((a) => ON_SHIFT.has(a.status)).map((a) => a.volunteer.id));
  const started = new Date(shift.startsAt) <= new Date();
  const ended = new Date(shift.endsAt) <= new Date();
  const closed = shift.campaign.status === 'CLOSED';
  const full = shift.filledCount >= shift.maxVolunteers;

  return (
    <Box data-testid="shift-details" data-shift-id={shift.id} data-filled={shift.filledCount} data-capacity={shift.maxVolunteers}>
      <Typography variant="h6">{shift.station.name}</Typography>
      <Typography variant="body1" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatShiftTime(shift.startsAt, shift.endsAt, zone, locale, translate('yizhan.scheduling.next_day'))}
      </Typography>
      <Stack direction="row" gap={1} flexWrap="wrap" alignItems="center" sx={{ mt: 1 }}>
        <FillChip filled={shift.filledCount} minimum={shift.minVolunteers} capacity={shift.maxVolunteers} />
        <Chip size="small" variant="outlined" label={`${translate('resources.shifts.fields.role')}：${shift.role}`} />
        <Chip size="small" variant="outlined" label={translate('yizhan.scheduling.fill.minimum', { minimum: shift.minVolunteers })} />
        {shift.waitlistCount > 0 && (
          <Chip size="small" color="warning" variant="outlined" label={translate('yizhan.scheduling.panel.waitlist_count', { count: shift.waitlistCount })} />
        )}
        {isNight && <Chip size="small" icon={<Bedtime />} label={translate('yizhan.scheduling.calendar.night')} sx={{ bgcolor: '#1a237e', color: '#fff', '& .MuiChip-icon': { color: '#fff' } }} />}
        {shift.requiredSkills.map((s) => (
          <Chip key={s} size="small" color="info" variant="outlined" label={translate(`enums.VolunteerSkill.${s}`)} />
        ))}
      </Stack>
      {shift.notes && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
          {shift.notes}
        </Typography>
      )}

      <Typography variant="subtitle1" sx={{ mt: 3, mb: 1, fontWeight: 600 }}>
        {translate('yizhan.scheduling.panel.sign_up')}
      </Typography>
      {closed || ended ? (
        <Alert severity="info">{translate(closed ? 'yizhan.scheduling.panel.closed' : 'yizhan.scheduling.panel.ended')}</Alert>
      ) : (
        <>
          <Stack direction="row" gap={1} alignItems="center">
            <VolunteerPicker
              key={pickerKey}
              campaignId={campaignId}
              teamIds={(shift.campaign.teams ?? []).map((t) => t.id)}
              requiredSkills={shift.requiredSkills}
              taken={taken}
              value={volunteer}
              onChange={setVolunteer}
            />
            <Button
              label={full ? 'yizhan.scheduling.panel.sign_up_waitlist' : 'yizhan.scheduling.panel.sign_up'}
              variant="contained"
              disabled={!volunteer || signUp.isPending}
              onClick={() => volunteer && signUp.mutate(volunteer)}
              data-testid="sign-up"
            >
              <HowToReg />
            </Button>
          </Stack>
          {full && (
            <Typography variant="caption" color="warning.main">
              {translate('yizhan.scheduling.panel.full_hint')}
            </Typography>
          )}
          {(shift.campaign.teams ?? []).length === 0 && (
            <Typography variant="caption" color="text.secondary" component="div">
              {translate('yizhan.scheduling.panel.no_teams_hint')}
            </Typography>
          )}
        </>
      )}

      <Typography variant="subtitle1" sx={{ mt: 3, mb: 1, fontWeight: 600 }}>
        {translate('yizhan.scheduling.panel.assignments', { count: assignments.length })}
      </Typography>
      {assignments.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('yizhan.scheduling.panel.no_assignments')}
        </Typography>
      ) : (
        <Table size="small" data-testid="shift-assignments" sx={{ '& th': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.shiftAssignments.fields.volunteer')}</TableCell>
              <TableCell>{translate('resources.shiftAssignments.fields.status')}</TableCell>
              <TableCell>{translate('yizhan.scheduling.panel.times')}</TableCell>
              <TableCell>{translate('resources.shiftAssignments.fields.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {assignments.map((a) => (
              <TableRow key={a.id} data-testid="assignment-row" data-volunteer={a.volunteer.name} data-status={a.status}>
                <TableCell>
                  <Typography variant="body2">{a.volunteer.name}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {a.volunteer.phone ?? '—'}
                  </Typography>
                </TableCell>
                <TableCell>
                  <AssignmentStatusChip status={a.status} />
                </TableCell>
                <TableCell sx={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {a.checkedInAt && <div>{`${translate('yizhan.scheduling.panel.in')} ${formatInstant(a.checkedInAt, zone).slice(5)}`}</div>}
                  {a.checkedOutAt && <div>{`${translate('yizhan.scheduling.panel.out')} ${formatInstant(a.checkedOutAt, zone).slice(5)}`}</div>}
                  {a.hoursCredited != null && <div>{translate('yizhan.scheduling.panel.hours', { hours: a.hoursCredited.toFixed(1) })}</div>}
                </TableCell>
                <TableCell>
                  <AssignmentActions assignment={a} started={started} onChanged={() => invalidate(campaignId)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
