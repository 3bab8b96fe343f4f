import Bedtime from '@mui/icons-material/Bedtime';
import {
  Alert,
  Box,
  Checkbox,
  Chip,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Button, useLocaleState, useTranslate } from 'react-admin';
import { FILL_COLORS, fillStateOf } from '../scheduling/fillState';
import { formatIsoDate, formatShiftTime } from '../scheduling/time';
import { FillChip } from '../shifts/FillChip';
import type { Campaign, CampaignFillRate, PointCoverage, ShiftFill } from '../records';
import { useShiftSelection } from './selection';

const percent = (filled: number, capacity: number) => (capacity ? Math.round((filled / capacity) * 100) : 0);

/** Total places filled, as a bar. */
export const FillSummary = ({ fill }: { fill: CampaignFillRate }) => {
  const translate = useTranslate();
  const understaffed = fill.shifts.filter((s) => s.understaffed).length;
  const pct = percent(fill.totalFilled, fill.totalCapacity);
  return (
    <Box data-testid="fill-summary" data-filled={fill.totalFilled} data-capacity={fill.totalCapacity}>
      <Stack direction="row" gap={2} alignItems="baseline" flexWrap="wrap">
        <Typography variant="h6" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {translate('yizhan.scheduling.fillRate.total', { filled: fill.totalFilled, capacity: fill.totalCapacity, percent: pct })}
        </Typography>
        <Typography color={understaffed ? 'error' : 'text.secondary'}>
          {translate('yizhan.scheduling.fillRate.understaffed_count', { count: understaffed, total: fill.shifts.length })}
        </Typography>
      </Stack>
      <LinearProgress variant="determinate" value={Math.min(100, pct)} sx={{ height: 8, borderRadius: 4, mt: 1, maxWidth: 480 }} />
    </Box>
  );
};

/** Every shift, understaffed first (the API's order), with a checkbox for team assignment; a row opens the shift. */
const FillTable = ({ campaign, fill, onOpen }: { campaign: Campaign; fill: CampaignFillRate; onOpen: (f: ShiftFill) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { selected, toggle, set } = useShiftSelection();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const rows = fill.shifts.slice(page * perPage, (page + 1) * perPage);
  const understaffedIds = fill.shifts.filter((s) => s.understaffed).map((s) => s.shift.id);
  const pageIds = rows.map((r) => r.shift.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  return (
    <>
      <Stack direction="row" gap={1} sx={{ mb: 1 }}>
        <Button label="yizhan.scheduling.selection.select_understaffed" onClick={() => set(understaffedIds, true)} disabled={!understaffedIds.length} />
      </Stack>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid="fill-table">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox checked={allOnPage} indeterminate={!allOnPage && pageIds.some((id) => selected.has(id))} onChange={(e) => set(pageIds, e.target.checked)} />
              </TableCell>
              <TableCell>{translate('resources.shifts.fields.station')}</TableCell>
              <TableCell>{translate('resources.shifts.fields.time')}</TableCell>
              <TableCell>{translate('resources.shifts.fields.role')}</TableCell>
              <TableCell>{translate('yizhan.scheduling.fillRate.filled')}</TableCell>
              <TableCell>{translate('resources.shifts.fields.minVolunteers')}</TableCell>
              <TableCell>{translate('yizhan.scheduling.fillRate.state')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((f) => {
              const state = fillStateOf(f);
              return (
                <TableRow
                  key={f.shift.id}
                  hover
                  onClick={() => onOpen(f)}
                  sx={{ cursor: 'pointer', bgcolor: f.understaffed ? FILL_COLORS.understaffed.soft : undefined }}
                  data-testid="fill-row"
                  data-shift-id={f.shift.id}
                  data-fill={state}
                >
                  <TableCell padding="checkbox" onClick={(e) => e.stopPropagation()}>
                    <Checkbox checked={selected.has(f.shift.id)} onChange={() => toggle(f.shift.id)} />
                  </TableCell>
                  <TableCell>{f.stationName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {f.isNight && <Bedtime sx={{ fontSize: 16, verticalAlign: 'text-bottom', mr: 0.5, color: '#1a237e' }} />}
                    {formatShiftTime(f.shift.startsAt, f.shift.endsAt, campaign.timezone, locale, translate('yizhan.scheduling.next_day'))}
                  </TableCell>
                  <TableCell>{f.shift.role}</TableCell>
                  <TableCell>
                    <FillChip filled={f.filled} minimum={f.minimum} capacity={f.capacity} waitlist={f.shift.waitlistCount} />
                  </TableCell>
                  <TableCell>{f.minimum}</TableCell>
                  <TableCell>
                    <Chip size="small" variant="outlined" label={translate(`yizhan.scheduling.fill.${state}`)} sx={{ borderColor: FILL_COLORS[state].bg, color: FILL_COLORS[state].border }} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <TablePagination
          component="div"
          count={fill.shifts.length}
          page={page}
          onPageChange={(_, p) => setPage(p)}
          rowsPerPage={perPage}
          onRowsPerPageChange={(e) => {
            setPerPage(Number(e.target.value));
            setPage(0);
          }}
          rowsPerPageOptions={[25, 50, 100]}
          labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
          labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
        />
      </TableContainer>
    </>
  );
};

/** Per service point and local day: places filled of offered, coloured like the calendar. */
const CoverageMatrix = ({ coverage }: { coverage: PointCoverage[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { dates, points, cells } = useMemo(() => {
    const dates = [...new Set(coverage.map((c) => c.date))].sort();
    const points = [...new Map(coverage.map((c) => [c.stationId, c.stationName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));
    const cells = new Map(coverage.map((c) => [`${c.stationId}|${c.date}`, c]));
    return { dates, points, cells };
  }, [coverage]);
  if (!coverage.length) return <Typography color="text.secondary">{translate('yizhan.scheduling.fillRate.no_shifts')}</Typography>;
  return (
    // width 0 / minWidth 100%: many days scroll inside the table instead of widening the page (react-admin's layout
    // grows to fit its content).
    <TableContainer component={Paper} variant="outlined" sx={{ width: 0, minWidth: '100%', overflowX: 'auto' }}>
      <Table size="small" data-testid="coverage-table" sx={{ '& td, & th': { whiteSpace: 'nowrap', textAlign: 'center' } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', textAlign: 'left !important' }}>
              {translate('resources.shifts.fields.station')}
            </TableCell>
            {dates.map((d) => (
              <TableCell key={d}>{formatIsoDate(d, locale)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {points.map(([stationId, name]) => (
            <TableRow key={stationId}>
              <TableCell sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', textAlign: 'left !important', fontWeight: 500 }}>{name}</TableCell>
              {dates.map((d) => {
                const c = cells.get(`${stationId}|${d}`);
                if (!c) return <TableCell key={d}>—</TableCell>;
                const state = c.understaffedShifts > 0 ? 'understaffed' : c.filled >= c.capacity ? 'full' : 'partial';
                return (
                  <Tooltip
                    key={d}
                    title={translate('yizhan.scheduling.fillRate.coverage_tip', {
                      shifts: c.shifts,
                      understaffed: c.understaffedShifts,
                      minimum: c.minimum,
                    })}
                  >
                    <TableCell
                      data-testid="coverage-cell"
                      data-station-id={stationId}
                      data-date={d}
                      data-fill={state}
                      sx={{ bgcolor: FILL_COLORS[state].soft, color: FILL_COLORS[state].border, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
                    >
                      {`${c.filled}/${c.capacity}`}
                      {c.understaffedShifts > 0 && <Box component="span" sx={{ fontSize: 11, ml: 0.5 }}>{`(${c.understaffedShifts}⚠)`}</Box>}
                    </TableCell>
                  </Tooltip>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** 排班缺口: the fill summary, per-point coverage by day and every shift with understaffed ones first. */
export const FillRatePanel = ({ campaign, fill, onOpen }: { campaign: Campaign; fill: CampaignFillRate; onOpen: (f: ShiftFill) => void }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={3}>
      <FillSummary fill={fill} />
      {fill.shifts.length === 0 ? (
        <Alert severity="info">{translate('yizhan.scheduling.fillRate.no_shifts')}</Alert>
      ) : (
        <>
          <Box>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
              {translate('yizhan.scheduling.fillRate.coverage_title')}
            </Typography>
            <CoverageMatrix coverage={fill.coverage} />
          </Box>
          <Box>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
              {translate('yizhan.scheduling.fillRate.shifts_title')}
            </Typography>
            <FillTable campaign={campaign} fill={fill} onOpen={onOpen} />
          </Box>
        </>
      )}
    </Stack>
  );
};
