import { Alert, Box, Card, CardContent, Chip, CircularProgress, LinearProgress, Link, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useRole } from '../auth';
import { STATION_KINDS, STATION_STATUSES } from '../choices';
import { MapView } from '../map/MapView';
import { STATUS_COLORS } from '../map/StationsLayer';
import { chartLocale, echarts } from './charts';
import { CountyMarkers } from './CountyMap';
import { fetchDashboard, type DashboardData } from './queries';

const Stat = ({ label, value, testId, to }: { label: string; value: number | string; testId: string; to?: string }) => (
  <Card variant="outlined" sx={{ flex: '1 1 150px', minWidth: 150 }}>
    <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {to ? (
          <Link component={RouterLink} to={to} underline="hover" color="inherit">
            {value}
          </Link>
        ) : (
          value
        )}
      </Typography>
    </CardContent>
  </Card>
);

const Panel = ({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) => (
  <Card variant="outlined" sx={{ flex: '1 1 0', minWidth: 0 }} data-testid={testId}>
    <CardContent>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const number = (n: number, locale: string) => n.toLocaleString(locale === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 1 });

/** Stations of each kind, stacked by status. */
const KindStatusChart = ({ d, locale }: { d: DashboardData; locale: string }) => {
  const translate = useTranslate();
  const option = useMemo(() => {
    const kinds = STATION_KINDS.filter((k) => d.stationsByKindStatus.some((r) => r.kind === k));
    const statuses = STATION_STATUSES.filter((s) => d.stationsByKindStatus.some((r) => r.status === s));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: kinds.map((k) => translate(`enums.StationKind.${k}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: statuses.map((s) => ({
        name: translate(`enums.StationStatus.${s}`),
        type: 'bar',
        stack: 'status',
        color: STATUS_COLORS[s],
        barMaxWidth: 48,
        data: kinds.map((k) => d.stationsByKindStatus.find((r) => r.kind === k && r.status === s)?.count ?? 0),
      })),
    };
  }, [d, translate]);
  return <ReactEChartsCore echarts={echarts} option={option} opts={{ locale: chartLocale(locale) }} style={{ height: 280 }} notMerge />;
};

/** People served per region, the ten busiest of the year, month and year side by side. */
const PeopleServedChart = ({ d, locale }: { d: DashboardData; locale: string }) => {
  const translate = useTranslate();
  const option = useMemo(() => {
    const rows = d.peopleServedByRegion.slice(0, 10).reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.name ?? r.regionCode ?? translate('yizhan.dashboard.no_region')) },
      series: [
        { name: translate('yizhan.dashboard.this_month'), type: 'bar', color: '#1e88e5', data: rows.map((r) => r.month) },
        { name: translate('yizhan.dashboard.this_year'), type: 'bar', color: '#90caf9', data: rows.map((r) => r.year) },
      ],
    };
  }, [d, translate]);
  if (!d.peopleServedByRegion.length) return <Typography color="text.secondary">{translate('yizhan.dashboard.no_people_served')}</Typography>;
  return <ReactEChartsCore echarts={echarts} option={option} opts={{ locale: chartLocale(locale) }} style={{ height: Math.max(160, 48 + 28 * Math.min(10, d.peopleServedByRegion.length)) }} notMerge />;
};

const Campaigns = ({ d }: { d: DashboardData }) => {
  const translate = useTranslate();
  if (!d.campaigns.length) return <Typography color="text.secondary">{translate('yizhan.dashboard.no_campaigns')}</Typography>;
  return (
    <Stack spacing={1.5}>
      {d.campaigns.map((c) => (
        <Box key={c.campaign.id} data-testid="dashboard-campaign">
          <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 0.5 }}>
            <Link component={RouterLink} to={`/campaigns/${c.campaign.id}/show`} underline="hover" sx={{ flex: 1, minWidth: 0 }} noWrap>
              {c.campaign.name}
            </Link>
            <Chip size="small" label={translate(`enums.CampaignStatus.${c.campaign.status}`)} />
            <Chip
              size="small"
              color={c.understaffedNightShifts ? 'error' : 'default'}
              variant={c.understaffedNightShifts ? 'filled' : 'outlined'}
              label={translate('yizhan.dashboard.understaffed_nights', { count: c.understaffedNightShifts })}
            />
          </Stack>
          <Stack direction="row" alignItems="center" spacing={1}>
            <LinearProgress variant="determinate" value={Math.round(c.fillRate * 100)} sx={{ flex: 1, height: 8, borderRadius: 4 }} color={c.understaffedShifts ? 'warning' : 'success'} />
            <Typography variant="body2" sx={{ minWidth: 150, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
              {translate('yizhan.dashboard.fill', { filled: c.filled, capacity: c.capacity, percent: Math.round(c.fillRate * 100) })}
            </Typography>
          </Stack>
        </Box>
      ))}
    </Stack>
  );
};

const ReviewList = ({ d }: { d: DashboardData }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={0.5}>
      {d.reviewSample.map((s) => (
        <Link key={s.id} component={RouterLink} to={`/stations/${s.id}/show`} underline="hover" data-testid="dashboard-review">
          {s.name}
        </Link>
      ))}
      {d.stationsNeedingReview > d.reviewSample.length && (
        <Link component={RouterLink} to={`/stations?filter=${encodeURIComponent(JSON.stringify({ needsReview: true }))}`} underline="hover" sx={{ fontWeight: 500 }}>
          {translate('yizhan.dashboard.all_review', { count: d.stationsNeedingReview })}
        </Link>
      )}
      {d.titlesByLevel.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ pt: 1.5 }} flexWrap="wrap" useFlexGap>
          {d.titlesByLevel.map((t) => (
            <Chip key={t.level} color="secondary" variant="outlined" label={`${translate(`yizhan.grading.levels.${t.level}`)} × ${t.count}`} />
          ))}
        </Stack>
      )}
    </Stack>
  );
};

/**
 * The landing page of every role: what the role sees (the API scopes it), for one month. Loaded on its own
 * (React.lazy in index.tsx), so the charting library stays out of the admin's first bundle.
 */
const DashboardPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const role = useRole();
  const [month, setMonth] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['yizhan', 'dashboard', month], queryFn: () => fetchDashboard(month), enabled: Boolean(role), staleTime: 30_000 });
  const d = q.data;
  return (
    <Box sx={{ p: { xs: 1, md: 2 } }} data-testid="dashboard">
      <Title title={translate('yizhan.dashboard.title')} />
      <Stack direction="row" alignItems="center" spacing={2} sx={{ mb: 2 }}>
        <Typography variant="h5" sx={{ fontWeight: 600, flex: 1, whiteSpace: 'nowrap' }}>
          {translate('yizhan.dashboard.title')}
          {role && (
            <Typography component="span" color="text.secondary" sx={{ ml: 1.5, fontSize: 14 }}>
              {translate(`yizhan.dashboard.scope.${role}`)}
            </Typography>
          )}
        </Typography>
        <TextField
          type="month"
          size="small"
          sx={{ width: 200, flexShrink: 0 }}
          label={translate('yizhan.dashboard.month')}
          value={month ?? d?.month ?? ''}
          onChange={(e) => setMonth(e.target.value || null)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: '2000-01', max: '2100-12', 'data-testid': 'dashboard-month' } }}
        />
      </Stack>
      {q.isError && <Alert severity="error">{String((q.error as Error).message)}</Alert>}
      {!d && !q.isError && <CircularProgress />}
      {d && (
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
            <Stat label={translate('yizhan.dashboard.stations')} value={number(d.stationCount, locale)} testId="stat-stations" to="/stations" />
            <Stat label={translate('yizhan.dashboard.needs_review')} value={number(d.stationsNeedingReview, locale)} testId="stat-review" />
            <Stat label={translate('yizhan.dashboard.planned')} value={number(d.plannedStations, locale)} testId="stat-planned" to={`/stations?filter=${encodeURIComponent(JSON.stringify({ statuses: ['PLANNED'] }))}`} />
            <Stat label={translate('yizhan.dashboard.served_month')} value={number(d.peopleServedMonth, locale)} testId="stat-served-month" />
            <Stat label={translate('yizhan.dashboard.served_year', { year: d.year })} value={number(d.peopleServedYear, locale)} testId="stat-served-year" />
            <Stat label={translate('yizhan.dashboard.hours_month')} value={number(d.volunteerHoursMonth, locale)} testId="stat-hours-month" />
            <Stat label={translate('yizhan.dashboard.hours_year', { year: d.year })} value={number(d.volunteerHoursYear, locale)} testId="stat-hours-year" />
          </Stack>
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
            <Panel title={translate('yizhan.dashboard.by_kind_status')} testId="chart-kind-status">
              <KindStatusChart d={d} locale={locale} />
            </Panel>
            <Panel title={translate('yizhan.dashboard.county_map')} testId="county-map">
              <MapView height={280} zoom={5} center={[112, 34]}>
                <CountyMarkers counties={d.countyCounts} />
              </MapView>
            </Panel>
          </Stack>
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
            <Panel title={translate('yizhan.dashboard.people_served')} testId="chart-people-served">
              <PeopleServedChart d={d} locale={locale} />
            </Panel>
            <Panel title={translate('yizhan.dashboard.campaigns')} testId="dashboard-campaigns">
              <Campaigns d={d} />
            </Panel>
          </Stack>
          <Panel title={translate('yizhan.dashboard.review')} testId="dashboard-review-list">
            <ReviewList d={d} />
          </Panel>
        </Stack>
      )}
    </Box>
  );
};

export default DashboardPage;
