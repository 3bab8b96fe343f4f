import Save from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  Grid,
  InputAdornment,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Button, Title, useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useRole } from '../auth';
import type { YizhanDataProvider } from '../dataProvider';
import { todayIn } from '../scheduling/time';
import type { Campaign, Station } from '../records';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The campaign to record for: the one in the URL, else an active one, else the newest. */
const useCampaigns = (wanted: string | null) => {
  const { data = [], isPending } = useGetList<Campaign>('campaigns', { pagination: { page: 1, perPage: 50 }, sort: { field: 'startsAt', order: 'DESC' }, filter: {} });
  const preferred = data.find((c) => c.id === wanted) ?? data.find((c) => c.status === 'ACTIVE') ?? data[0];
  return { campaigns: data, preferred, isPending };
};

/**
 * The stations offered: the campaign's points the viewer runs (an OPERATOR: those they may edit); an OPERATOR whose
 * stations are not among them gets their own stations.
 */
const useStationChoices = (campaign: Campaign | undefined, operator: boolean, campaignsLoaded: boolean) => {
  const points = (campaign?.stations ?? []).filter((s) => !operator || s.viewerCanEdit).map((s) => ({ id: s.id, name: s.name }));
  // Until the campaigns are in, nothing is offered: else an operator's own first station would be chosen as the
  // default for a moment and stay in the form if they act before the campaign's points arrive.
  const { data: own = [] } = useGetList<Station>(
    'stations',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: {} },
    { enabled: operator && campaignsLoaded && points.length === 0 },
  );
  if (!campaignsLoaded) return [];
  return points.length ? points : own.map((s) => ({ id: s.id, name: s.name }));
};

/**
 * 快速登记 — for a station operator "in a few clicks": the station (their campaign points by default), the day (today
 * in the campaign's zone), people served and the quantity of each supply handed out. People served replace the
 * day's figure (recordServiceLog); supply quantities are added to what was recorded (recordSupplies).
 */
export const QuickEntryPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const role = useRole();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const [params, setParams] = useSearchParams();
  const { campaigns, preferred, isPending } = useCampaigns(params.get('campaignId'));
  const campaign = preferred;
  const zone = campaign?.timezone ?? 'Asia/Shanghai';
  const stations = useStationChoices(campaign, role === 'OPERATOR', !isPending);
  const [stationId, setStationId] = useState('');
  const [day, setDay] = useState(() => todayIn(zone));
  const [people, setPeople] = useState('');
  const [quantities, setQuantities] = useState<Record<string, string>>({});

  // Default station: the first offered (the only one, for most operators).
  useEffect(() => {
    if (!stations.some((s) => s.id === stationId)) setStationId(stations[0]?.id ?? '');
  }, [stations, stationId]);
  useEffect(() => setDay(todayIn(zone)), [zone]);

  const dayValid = DAY.test(day);
  const recorded = useQuery({
    queryKey: ['quickEntry', stationId, day],
    queryFn: async () => {
      const [logs, tallies] = await Promise.all([dataProvider.serviceLogs(stationId, day, day), dataProvider.supplyTallies(stationId, day, day)]);
      const byItem = new Map<string, { name: string; unit: string; quantity: number }>();
      for (const t of tallies) {
        const row = byItem.get(t.item.id) ?? { name: t.item.name, unit: t.item.unit, quantity: 0 };
        row.quantity += t.quantity;
        byItem.set(t.item.id, row);
      }
      return { peopleServed: logs[0]?.peopleServed ?? null, supplies: [...byItem.values()] };
    },
    enabled: Boolean(stationId) && dayValid,
  });

  const items = useMemo(
    () =>
      (campaign?.supplyItems ?? [])
        .map((item) => ({ item, quantity: Number(quantities[item.id] || 0) }))
        .filter(({ quantity }) => quantity > 0),
    [campaign, quantities],
  );
  const peopleValue = people === '' ? null : Number(people);
  const peopleValid = peopleValue == null || (Number.isInteger(peopleValue) && peopleValue >= 0 && peopleValue <= 1_000_000);
  const quantitiesValid = Object.values(quantities).every((q) => q === '' || (Number.isInteger(Number(q)) && Number(q) >= 0 && Number(q) <= 1_000_000));
  const canSave = Boolean(stationId) && dayValid && peopleValid && quantitiesValid && (peopleValue != null || items.length > 0);

  const save = useMutation({
    mutationFn: async () => {
      if (peopleValue != null) await dataProvider.recordServiceLog({ stationId, day, peopleServed: peopleValue, campaignId: campaign?.id });
      if (items.length) await dataProvider.recordSupplies({ stationId, day, items: items.map(({ item, quantity }) => ({ itemId: item.id, quantity })) });
    },
    onSuccess: async () => {
      notify('yizhan.scheduling.entry.saved', {
        type: 'success',
        messageArgs: {
          summary: [
            peopleValue != null ? translate('yizhan.scheduling.entry.people_summary', { count: peopleValue }) : null,
            ...items.map(({ item, quantity }) => `${item.name} ${quantity} ${item.unit}`),
          ]
            .filter(Boolean)
            .join('，'),
        },
      });
      setPeople('');
      setQuantities({});
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['quickEntry'] }),
        queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
      ]);
    },
    onError: (e: Error) => {
      void queryClient.invalidateQueries({ queryKey: ['quickEntry'] });
      notify(translate('yizhan.scheduling.entry.failed', { error: translate(e.message, { _: e.message }) }), { type: 'error' });
    },
  });

  return (
    <Card sx={{ mt: 2, maxWidth: 880 }} data-testid="quick-entry">
      <Title title="yizhan.scheduling.entry.title" />
      <CardContent>
        <Typography variant="h6">{translate('yizhan.scheduling.entry.title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('yizhan.scheduling.entry.help')}
        </Typography>
        {!isPending && campaigns.length === 0 && <Alert severity="info">{translate('yizhan.scheduling.entry.no_campaigns')}</Alert>}
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              select
              fullWidth
              label={translate('yizhan.scheduling.entry.campaign')}
              value={campaign?.id ?? ''}
              onChange={(e) => setParams({ campaignId: e.target.value }, { replace: true })}
              slotProps={{ htmlInput: { 'data-testid': 'entry-campaign' } }}
            >
              {campaigns.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.name}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              select
              fullWidth
              label={translate('yizhan.scheduling.entry.station')}
              value={stationId}
              onChange={(e) => setStationId(e.target.value)}
              helperText={stations.length === 0 ? translate('yizhan.scheduling.entry.no_stations') : ' '}
              error={stations.length === 0 && !isPending}
              slotProps={{ htmlInput: { 'data-testid': 'entry-station' } }}
            >
              {stations.map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {s.name}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              fullWidth
              type="date"
              label={translate('yizhan.scheduling.entry.day')}
              value={day}
              onChange={(e) => setDay(e.target.value)}
              helperText={translate('yizhan.scheduling.in_zone', { zone })}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'entry-day' } }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              fullWidth
              type="number"
              label={translate('resources.campaigns.fields.peopleServed')}
              value={people}
              onChange={(e) => setPeople(e.target.value)}
              error={!peopleValid}
              helperText={
                recorded.data?.peopleServed != null
                  ? translate('yizhan.scheduling.entry.people_replace', { count: recorded.data.peopleServed })
                  : translate('yizhan.scheduling.entry.people_help')
              }
              slotProps={{
                htmlInput: { min: 0, step: 1, 'data-testid': 'entry-people' },
                input: { endAdornment: <InputAdornment position="end">{translate('yizhan.scheduling.entry.people_unit')}</InputAdornment> },
              }}
            />
          </Grid>
        </Grid>

        <Typography variant="subtitle1" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
          {translate('yizhan.scheduling.entry.supplies')}
        </Typography>
        {(campaign?.supplyItems ?? []).length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('yizhan.scheduling.supplies.no_items')}
          </Typography>
        ) : (
          <Grid container spacing={2}>
            {campaign!.supplyItems.map((item) => (
              <Grid key={item.id} size={{ xs: 6, md: 3 }}>
                <TextField
                  fullWidth
                  type="number"
                  label={item.name}
                  value={quantities[item.id] ?? ''}
                  onChange={(e) => setQuantities((q) => ({ ...q, [item.id]: e.target.value }))}
                  slotProps={{
                    htmlInput: { min: 0, step: 1, 'data-testid': 'entry-quantity', 'data-item': item.name },
                    input: { endAdornment: <InputAdornment position="end">{item.unit}</InputAdornment> },
                  }}
                />
              </Grid>
            ))}
          </Grid>
        )}

        <Stack direction="row" alignItems="center" gap={2} sx={{ mt: 3 }}>
          <Button label="yizhan.scheduling.entry.save" variant="contained" size="large" disabled={!canSave || save.isPending} onClick={() => save.mutate()} data-testid="entry-save">
            <Save />
          </Button>
          <Typography variant="caption" color="text.secondary">
            {translate('yizhan.scheduling.entry.add_note')}
          </Typography>
        </Stack>

        {recorded.data && (
          <Box sx={{ mt: 3 }} data-testid="entry-recorded">
            <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('yizhan.scheduling.entry.recorded', { day })}
            </Typography>
            <Stack direction="row" gap={1} flexWrap="wrap">
              <Chip
                label={`${translate('resources.campaigns.fields.peopleServed')}：${recorded.data.peopleServed ?? '—'}`}
                data-testid="entry-recorded-people"
                data-value={recorded.data.peopleServed ?? ''}
              />
              {recorded.data.supplies.map((s) => (
                <Chip key={s.name} variant="outlined" label={`${s.name}：${s.quantity} ${s.unit}`} data-testid="entry-recorded-supply" data-item={s.name} data-value={s.quantity} />
              ))}
            </Stack>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
