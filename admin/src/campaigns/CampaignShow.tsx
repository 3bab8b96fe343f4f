import AddCircle from '@mui/icons-material/AddCircle';
import EditNote from '@mui/icons-material/EditNote';
import { Alert, Box, Card, CardContent, Chip, CircularProgress, Grid, Stack, Tab, Tabs, Typography } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { Button, EditButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { can, useRole } from '../auth';
import { useFillRate } from '../scheduling/queries';
import { formatInstant } from '../scheduling/time';
import type { Campaign, ShiftFill } from '../records';
import { AssignTeamDialog, SelectionBar } from './AssignTeamDialog';
import { FillLegend } from './FillLegend';
import { CampaignStatusChip } from './CampaignStatusChip';
import { FillRatePanel, FillSummary } from './FillRatePanel';
import { HoursPanel } from './HoursPanel';
import { PlanShiftsPanel } from './PlanShiftsPanel';
import { ServicePointsPanel } from './ServicePointsPanel';
import { SignupLinksPanel } from '../signupLinks/SignupLinksPanel';
import { ShiftPanel } from './ShiftPanel';
import { ShiftSelectionProvider, useShiftSelection } from './selection';
import { peopleGoalOf, SuppliesPanel } from './SuppliesPanel';

/** react-big-calendar (and its CSS) is loaded with the first campaign page, not with the app. */
const CampaignCalendar = lazy(() => import('./CampaignCalendar'));

const Actions = () => {
  const record = useRecordContext<Campaign>();
  const role = useRole();
  const navigate = useNavigate();
  return (
    <TopToolbar>
      {record && can.manageScheduling(role) && (
        <Button label="resources.campaigns.actions.new_shift" onClick={() => navigate(`/shifts/create?campaignId=${record.id}`)}>
          <AddCircle />
        </Button>
      )}
      {record && (
        <Button label="yizhan.scheduling.entry.title" onClick={() => navigate(`/quick-entry?campaignId=${record.id}`)}>
          <EditNote />
        </Button>
      )}
      {can.manageScheduling(role) && <EditButton />}
    </TopToolbar>
  );
};

/** Name, kind, status, window in its zone, organizers, teams, goals and the totals. */
const CampaignHeader = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const peopleGoal = peopleGoalOf(campaign.goals);
  return (
    <Card sx={{ mb: 2 }} data-testid="campaign-header">
      <CardContent>
        <Stack direction="row" gap={1.5} alignItems="center" flexWrap="wrap">
          <Typography variant="h5" component="h1" data-testid="campaign-name">
            {campaign.name}
          </Typography>
          <Chip size="small" variant="outlined" label={translate(`enums.CampaignKind.${campaign.kind}`)} />
          <CampaignStatusChip status={campaign.status} />
        </Stack>
        <Grid container spacing={2} sx={{ mt: 1 }}>
          <Grid size={{ xs: 12, md: 5 }}>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.campaigns.fields.window')}
            </Typography>
            <Typography variant="body1" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {`${formatInstant(campaign.startsAt, campaign.timezone)} – ${formatInstant(campaign.endsAt, campaign.timezone)}`}
              <Typography component="span" variant="body2" color="text.secondary">{` (${campaign.timezone})`}</Typography>
            </Typography>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.campaigns.fields.organizations')}
            </Typography>
            <Typography variant="body1">{campaign.organizations.map((o) => o.name).join('、') || '—'}</Typography>
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.campaigns.fields.peopleServed')}
            </Typography>
            <Typography variant="body1">
              {campaign.peopleServed.toLocaleString()}
              {peopleGoal ? ` / ${peopleGoal.target.toLocaleString()} ${peopleGoal.unit}` : ''}
            </Typography>
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.campaigns.fields.teams')}
            </Typography>
            <Stack direction="row" gap={0.5} flexWrap="wrap">
              {campaign.teams.length ? campaign.teams.map((t) => <Chip key={t.id} size="small" label={t.name} />) : '—'}
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, md: 7 }}>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.campaigns.fields.goals')}
            </Typography>
            <Stack direction="row" gap={0.5} flexWrap="wrap">
              {campaign.goals.length
                ? campaign.goals.map((g) => <Chip key={g.name} size="small" variant="outlined" label={`${g.name} ${g.target.toLocaleString()} ${g.unit}`} />)
                : '—'}
            </Stack>
          </Grid>
          {campaign.description && (
            <Grid size={12}>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {campaign.description}
              </Typography>
            </Grid>
          )}
        </Grid>
      </CardContent>
    </Card>
  );
};

type TabName = 'calendar' | 'fill' | 'plan' | 'hours' | 'supplies' | 'points' | 'signup';

const CampaignPage = () => {
  const campaign = useRecordContext<Campaign>();
  const role = useRole();
  const translate = useTranslate();
  const manage = can.manageScheduling(role);
  const { data: fill, isPending, error } = useFillRate(campaign?.id, manage);
  const [tab, setTab] = useState<TabName | null>(null);
  const [open, setOpen] = useState<ShiftFill | null>(null);
  const [assigning, setAssigning] = useState(false);
  const { selected } = useShiftSelection();
  if (!campaign || !role) return null;

  const tabs: TabName[] = manage ? ['calendar', 'fill', 'plan', 'hours', 'supplies', 'points', 'signup'] : ['supplies', 'points'];
  const current = tab && tabs.includes(tab) ? tab : tabs[0];
  const needsFill = current === 'calendar' || current === 'fill';

  return (
    <Box sx={{ mt: 1 }}>
      <CampaignHeader campaign={campaign} />
      <Card>
        <Tabs value={current} onChange={(_, v: TabName) => setTab(v)} variant="scrollable" sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}>
          {tabs.map((t) => (
            <Tab key={t} value={t} label={translate(`resources.campaigns.tabs.${t}`)} data-testid={`campaign-tab-${t}`} />
          ))}
        </Tabs>
        <CardContent>
          {manage && (current === 'calendar' || current === 'fill') && <SelectionBar onAssign={() => setAssigning(true)} />}
          {needsFill && isPending && <CircularProgress />}
          {needsFill && error && <Alert severity="error">{translate((error as Error).message, { _: (error as Error).message })}</Alert>}
          {current === 'calendar' && fill && (
            <Stack spacing={1.5}>
              <Stack direction="row" justifyContent="space-between" alignItems="center" flexWrap="wrap" gap={2}>
                <FillSummary fill={fill} />
                <FillLegend />
              </Stack>
              <Suspense fallback={<CircularProgress />}>
                <CampaignCalendar campaign={campaign} fills={fill.shifts} selected={selected} onSelectShift={setOpen} />
              </Suspense>
            </Stack>
          )}
          {current === 'fill' && fill && <FillRatePanel campaign={campaign} fill={fill} onOpen={setOpen} />}
          {current === 'plan' && <PlanShiftsPanel campaign={campaign} />}
          {current === 'hours' && <HoursPanel campaignId={campaign.id} />}
          {current === 'supplies' && <SuppliesPanel campaign={campaign} canManage={manage} />}
          {current === 'points' && <ServicePointsPanel campaign={campaign} canManage={manage} />}
          {current === 'signup' && <SignupLinksPanel campaign={campaign} />}
        </CardContent>
      </Card>
      {manage && (
        <>
          <ShiftPanel campaignId={campaign.id} fill={open} onClose={() => setOpen(null)} />
          <AssignTeamDialog campaign={campaign} fill={fill} open={assigning} onClose={() => setAssigning(false)} />
        </>
      )}
    </Box>
  );
};

/** A fresh page (tab, selection, open panel) for each campaign: moving from one campaign to another reuses the route. */
const CampaignPageForRecord = () => {
  const campaign = useRecordContext<Campaign>();
  if (!campaign) return null;
  return (
    <ShiftSelectionProvider key={campaign.id}>
      <CampaignPage />
    </ShiftSelectionProvider>
  );
};

/** The campaign page: calendar, fill rate, shift planning, team assignment, hours, supplies and service points. */
export const CampaignShow = () => (
  <Show actions={<Actions />} component="div">
    <CampaignPageForRecord />
  </Show>
);
