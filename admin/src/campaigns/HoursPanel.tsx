import EmojiEvents from '@mui/icons-material/EmojiEvents';
import { Box, Grid, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, useDataProvider, useTranslate } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider';
import { schedulingKeys } from '../scheduling/queries';
import type { HoursTotal } from '../records';

const MEDALS = ['#d4a106', '#9e9e9e', '#a1662f'];

const Rows = ({ rows, resource, testId }: { rows: HoursTotal[]; resource: 'volunteers' | 'volunteerTeams'; testId: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!rows.length) return <Typography color="text.secondary">{translate('yizhan.scheduling.hours.empty')}</Typography>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 56 }}>#</TableCell>
            <TableCell>{translate('yizhan.scheduling.hours.name')}</TableCell>
            <TableCell align="right">{translate('yizhan.scheduling.hours.hours')}</TableCell>
            <TableCell align="right">{translate('yizhan.scheduling.hours.completed')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={r.id}>
              <TableCell>{i < 3 ? <EmojiEvents sx={{ color: MEDALS[i], verticalAlign: 'middle' }} titleAccess={String(i + 1)} /> : i + 1}</TableCell>
              <TableCell>
                <Link to={createPath({ resource, id: r.id, type: 'show' })}>{r.name}</Link>
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {r.hours.toFixed(1)}
              </TableCell>
              <TableCell align="right">{r.completedShifts}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** Hours per volunteer (the 优秀志愿者 list), for a campaign and/or a team. */
export const HoursTable = ({ campaignId, teamId, limit = 20 }: { campaignId?: string; teamId?: string; limit?: number }) => {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const { data = [], isPending } = useQuery({
    queryKey: campaignId ? [...schedulingKeys.hours(campaignId), teamId ?? null, limit] : ['scheduling', 'hours', teamId ?? null, limit],
    queryFn: () => dataProvider.volunteerHours({ campaignId, teamId, limit }),
  });
  if (isPending) return null;
  return <Rows rows={data} resource="volunteers" testId="volunteer-hours" />;
};

/** 志愿时长: the best volunteers and the teams' hours in this campaign. */
export const HoursPanel = ({ campaignId }: { campaignId: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const { data: teams = [] } = useQuery({ queryKey: schedulingKeys.teamHours(campaignId), queryFn: () => dataProvider.teamHours(campaignId) });
  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('yizhan.scheduling.hours.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('yizhan.scheduling.hours.help')}
        </Typography>
        <HoursTable campaignId={campaignId} />
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('yizhan.scheduling.hours.teams')}
        </Typography>
        <Box>
          <Rows rows={teams} resource="volunteerTeams" testId="team-hours" />
        </Box>
      </Grid>
    </Grid>
  );
};
