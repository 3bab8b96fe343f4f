import AddCircle from '@mui/icons-material/AddCircle';
import EditNote from '@mui/icons-material/EditNote';
import {
  Box,
  Card,
  CardContent,
  Grid,
  LinearProgress,
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
import { Button, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { YizhanDataProvider } from '../dataProvider';
import type { Campaign, CampaignGoal } from '../records';

/** The goal counted in people served (服务人次): unit 人次, or a name that says so. */
export const peopleGoalOf = (goals: CampaignGoal[]) => goals.find((g) => /人次/.test(g.unit) || /服务人次|people served/i.test(g.name));

const Progress = ({ value, target }: { value: number; target: number | undefined }) => {
  if (!target) return null;
  const pct = Math.round((value / target) * 100);
  return (
    <Stack direction="row" alignItems="center" gap={1}>
      <LinearProgress variant="determinate" value={Math.min(100, pct)} sx={{ flex: 1, height: 6, borderRadius: 3 }} color={pct >= 100 ? 'success' : 'primary'} />
      <Typography variant="caption" sx={{ minWidth: 40, textAlign: 'right' }}>{`${pct}%`}</Typography>
    </Stack>
  );
};

/** A supply of the campaign (ADMIN, COORDINATOR): name and unit. */
const AddSupplyItem = ({ campaignId }: { campaignId: string }) => {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const create = useMutation({
    mutationFn: () => dataProvider.createSupplyItem(campaignId, name.trim(), unit.trim()),
    onSuccess: (item) => {
      notify('yizhan.scheduling.supplies.item_added', { type: 'success', messageArgs: { name: item.name } });
      setName('');
      setUnit('');
      refresh();
    },
    onError: (e: Error) => notify(translate(e.message, { _: e.message }), { type: 'error' }),
  });
  return (
    <Stack direction="row" gap={1} alignItems="center" sx={{ mt: 2 }}>
      <TextField size="small" label={translate('yizhan.scheduling.supplies.item_name')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { maxLength: 50 } }} />
      <TextField size="small" label={translate('yizhan.scheduling.supplies.unit')} value={unit} onChange={(e) => setUnit(e.target.value)} sx={{ width: 100 }} slotProps={{ htmlInput: { maxLength: 20 } }} />
      <Button label="yizhan.scheduling.supplies.add_item" disabled={!name.trim() || !unit.trim() || create.isPending} onClick={() => create.mutate()}>
        <AddCircle />
      </Button>
    </Stack>
  );
};

/** 物资与服务人次: totals against the campaign's goals, and the way to the quick entry. */
export const SuppliesPanel = ({ campaign, canManage }: { campaign: Campaign; canManage: boolean }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const totals = new Map(campaign.supplyTotals.map((t) => [t.item.id, t.quantity]));
  const goalByName = new Map(campaign.goals.map((g) => [g.name, g]));
  const peopleGoal = peopleGoalOf(campaign.goals);
  return (
    <Grid container spacing={3} data-testid="supplies-panel">
      <Grid size={{ xs: 12, md: 4 }}>
        <Card variant="outlined">
          <CardContent>
            <Typography color="text.secondary">{translate('resources.campaigns.fields.peopleServed')}</Typography>
            <Typography variant="h4" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="people-served">
              {campaign.peopleServed.toLocaleString()}
            </Typography>
            {peopleGoal && (
              <>
                <Typography variant="caption" color="text.secondary">
                  {translate('yizhan.scheduling.supplies.goal', { target: peopleGoal.target.toLocaleString(), unit: peopleGoal.unit })}
                </Typography>
                <Progress value={campaign.peopleServed} target={peopleGoal.target} />
              </>
            )}
            <Box sx={{ mt: 2 }}>
              <Button
                label="yizhan.scheduling.entry.title"
                variant="contained"
                onClick={() => navigate(`/quick-entry?campaignId=${campaign.id}`)}
                data-testid="open-quick-entry"
              >
                <EditNote />
              </Button>
            </Box>
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 8 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('yizhan.scheduling.supplies.title')}
        </Typography>
        {campaign.supplyItems.length === 0 ? (
          <Typography color="text.secondary">{translate('yizhan.scheduling.supplies.no_items')}</Typography>
        ) : (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" data-testid="supply-totals">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('yizhan.scheduling.supplies.item_name')}</TableCell>
                  <TableCell align="right">{translate('yizhan.scheduling.supplies.handed_out')}</TableCell>
                  <TableCell align="right">{translate('yizhan.scheduling.supplies.target')}</TableCell>
                  <TableCell sx={{ width: 200 }} />
                </TableRow>
              </TableHead>
              <TableBody>
                {campaign.supplyItems.map((item) => {
                  const quantity = totals.get(item.id) ?? 0;
                  const goal = goalByName.get(item.name);
                  return (
                    <TableRow key={item.id} data-testid="supply-total" data-item={item.name} data-quantity={quantity}>
                      <TableCell>{item.name}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>{`${quantity.toLocaleString()} ${item.unit}`}</TableCell>
                      <TableCell align="right">{goal ? `${goal.target.toLocaleString()} ${goal.unit}` : '—'}</TableCell>
                      <TableCell>
                        <Progress value={quantity} target={goal?.target} />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {canManage && <AddSupplyItem campaignId={campaign.id} />}
      </Grid>
    </Grid>
  );
};
