import GroupAdd from '@mui/icons-material/GroupAdd';
import FactCheck from '@mui/icons-material/FactCheck';
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useGetList, useGetOne, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider';
import { useInvalidateScheduling } from '../scheduling/queries';
import { formatShiftTime } from '../scheduling/time';
import type { Campaign, CampaignFillRate, NamedRef, TeamAssignmentResult, VolunteerTeam } from '../records';
import { useShiftSelection } from './selection';

/** The teams offered: the campaign's, or every team the viewer may see when it names none. */
const useTeamChoices = (campaign: Campaign): NamedRef[] => {
  const { data = [] } = useGetList<VolunteerTeam>('volunteerTeams', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } }, { enabled: campaign.teams.length === 0 });
  return campaign.teams.length ? campaign.teams : data.map((t) => ({ id: t.id, name: t.name }));
};

interface Props {
  campaign: Campaign;
  fill: CampaignFillRate | undefined;
  open: boolean;
  onClose: () => void;
}

/**
 * 分派队伍: signs every member of a team up for the selected shifts, all or nothing. "Check" is a dry run; either way
 * the conflicts (full shift, overlap, missing skills…) are listed per shift and volunteer, and nothing is saved then.
 */
export const AssignTeamDialog = ({ campaign, fill, open, onClose }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const invalidate = useInvalidateScheduling();
  const { selected, clear } = useShiftSelection();
  const teams = useTeamChoices(campaign);
  const [teamId, setTeamId] = useState('');
  const [result, setResult] = useState<{ dryRun: boolean; result: TeamAssignmentResult } | null>(null);
  const { data: team } = useGetOne<VolunteerTeam>('volunteerTeams', { id: teamId }, { enabled: Boolean(teamId) });
  const shiftIds = [...selected];
  const assign = useMutation({
    mutationFn: (dryRun: boolean) => dataProvider.assignTeamToShifts(teamId, shiftIds, dryRun),
    onSuccess: async (r, dryRun) => {
      setResult({ dryRun, result: r });
      if (!dryRun && r.ok) {
        notify('yizhan.scheduling.assign.done', { type: 'success', messageArgs: { count: r.assignments.length } });
        clear();
        await invalidate(campaign.id);
      }
    },
    onError: (e: Error) => notify(translate('yizhan.scheduling.assign.failed', { error: translate(e.message, { _: e.message }) }), { type: 'error' }),
  });

  const shiftLabel = (id: string) => {
    const f = fill?.shifts.find((s) => s.shift.id === id);
    return f ? `${f.stationName} ${formatShiftTime(f.shift.startsAt, f.shift.endsAt, campaign.timezone, locale, translate('yizhan.scheduling.next_day'))}` : id;
  };
  const volunteerName = (id: string) => team?.members.find((m) => m.id === id)?.name ?? id;
  const close = () => {
    setResult(null);
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} maxWidth="md" fullWidth>
      <DialogTitle>{translate('yizhan.scheduling.assign.title', { count: shiftIds.length })}</DialogTitle>
      <DialogContent data-testid="assign-team-dialog">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('yizhan.scheduling.assign.help')}
        </Typography>
        <TextField
          select
          fullWidth
          label={translate('yizhan.scheduling.assign.team')}
          value={teamId}
          onChange={(e) => {
            setTeamId(e.target.value);
            setResult(null);
          }}
          helperText={team ? translate('yizhan.scheduling.assign.members', { count: team.memberCount }) : ' '}
          slotProps={{ htmlInput: { 'data-testid': 'assign-team-select' } }}
        >
          {teams.map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.name}
            </MenuItem>
          ))}
        </TextField>
        {result && (
          <Stack spacing={1} sx={{ mt: 2 }} data-testid="assign-result" data-ok={String(result.result.ok)} data-dry-run={String(result.dryRun)}>
            {result.result.ok ? (
              <Alert severity="success">
                {translate(result.dryRun ? 'yizhan.scheduling.assign.dry_ok' : 'yizhan.scheduling.assign.done', { count: result.result.assignments.length })}
              </Alert>
            ) : (
              <>
                <Alert severity="error">{translate('yizhan.scheduling.assign.conflicts', { count: result.result.conflicts.length })}</Alert>
                <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 360 }}>
                  <Table size="small" stickyHeader data-testid="assign-conflicts">
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('yizhan.scheduling.assign.shift')}</TableCell>
                        <TableCell>{translate('resources.shiftAssignments.fields.volunteer')}</TableCell>
                        <TableCell>{translate('yizhan.scheduling.assign.reason')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {result.result.conflicts.map((c) => (
                        <TableRow key={`${c.shiftId}|${c.volunteerId}`} data-testid="assign-conflict">
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>{shiftLabel(c.shiftId)}</TableCell>
                          <TableCell>{volunteerName(c.volunteerId)}</TableCell>
                          <TableCell>{c.reason}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
              </>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.close" onClick={close} />
        <Button label="yizhan.scheduling.assign.check" variant="outlined" disabled={!teamId || !shiftIds.length || assign.isPending} onClick={() => assign.mutate(true)} data-testid="assign-check">
          <FactCheck />
        </Button>
        <Button label="yizhan.scheduling.assign.assign" variant="contained" disabled={!teamId || !shiftIds.length || assign.isPending} onClick={() => assign.mutate(false)} data-testid="assign-run">
          <GroupAdd />
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** Shown while shifts are selected: how many, and the way to assign a team to them. */
export const SelectionBar = ({ onAssign }: { onAssign: () => void }) => {
  const translate = useTranslate();
  const { selected, clear } = useShiftSelection();
  if (!selected.size) return null;
  return (
    <Alert
      severity="info"
      icon={false}
      sx={{ mb: 2, alignItems: 'center' }}
      data-testid="selection-bar"
      action={
        <Stack direction="row" gap={1}>
          <Button label="yizhan.scheduling.selection.assign_team" variant="contained" onClick={onAssign} data-testid="open-assign-team">
            <GroupAdd />
          </Button>
          <Button label="yizhan.scheduling.selection.clear" onClick={clear} />
        </Stack>
      }
    >
      {translate('yizhan.scheduling.selection.count', { count: selected.size })}
    </Alert>
  );
};
