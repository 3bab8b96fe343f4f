import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { fetchHolidayCalendar, HOLIDAYS_CHANGED, importHolidayNotice, toCsv, todayInChina, type HolidayCalendar } from './queries';

/**
 * China's holiday calendar of one year (what `PH` means in opening hours), and the entry of the year's State
 * Council notice: edit or paste the days as CSV (`date,kind,name`) or JSON, check, then save (replaces the year).
 */
export const HolidaysPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Number(todayInChina().slice(0, 4));
  const [calendar, setCalendar] = useState<HolidayCalendar | null>(null);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'CSV' | 'JSON'>('CSV');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<HolidayCalendar | null>(null);

  const load = useCallback(async () => {
    const c = await fetchHolidayCalendar(year);
    setCalendar(c);
    setText(toCsv(c.days));
    setFormat('CSV');
    setNotice(c.coverage === 'OFFICIAL' && c.notice ? c.notice : '');
    setPreview(null);
    setError(null);
  }, [year]);
  useEffect(() => {
    load().catch((e) => setError(String(e.message ?? e)));
  }, [load]);

  const submit = async (dryRun: boolean) => {
    setError(null);
    try {
      const result = await importHolidayNotice(year, text, format, notice.trim() || null, dryRun);
      if (dryRun) setPreview(result);
      else {
        notify('yizhan.holidays.saved', { type: 'success', messageArgs: { year } });
        window.dispatchEvent(new Event(HOLIDAYS_CHANGED));
        await load();
      }
    } catch (e) {
      setError(String((e as Error).message ?? e));
    }
  };

  const shown = preview ?? calendar;
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('yizhan.holidays.title')} />
      <CardContent>
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
          <TextField
            label={translate('yizhan.holidays.year')}
            type="number"
            size="small"
            value={year}
            onChange={(e) => setParams({ year: e.target.value })}
            inputProps={{ min: 2004, max: 2100, 'data-testid': 'holiday-year' }}
          />
          {calendar && (
            <Chip
              color={calendar.coverage === 'OFFICIAL' ? 'success' : 'warning'}
              label={translate(`yizhan.holidays.coverage.${calendar.coverage}`)}
              data-testid="holiday-coverage"
            />
          )}
          {calendar?.notice && <Typography variant="body2">{calendar.notice}</Typography>}
        </Stack>
        {calendar?.coverage === 'STATUTORY_ONLY' && <Alert severity="info" sx={{ mb: 2 }}>{translate('yizhan.holidays.statutory_only_help')}</Alert>}
        <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 2 }}>
          <Box>
            {preview && <Typography variant="subtitle2">{translate('yizhan.holidays.preview')}</Typography>}
            <Table size="small" data-testid="holiday-days">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('yizhan.holidays.date')}</TableCell>
                  <TableCell>{translate('yizhan.holidays.kind')}</TableCell>
                  <TableCell>{translate('yizhan.holidays.name')}</TableCell>
                  <TableCell>{translate('yizhan.holidays.source')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown?.days.map((d) => (
                  <TableRow key={d.date}>
                    <TableCell>{d.date}</TableCell>
                    <TableCell>{translate(`yizhan.holidays.kinds.${d.kind}`)}</TableCell>
                    <TableCell>{d.name}</TableCell>
                    <TableCell>{d.source}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          <Stack spacing={2}>
            <Typography variant="subtitle1">{translate('yizhan.holidays.enter', { year })}</Typography>
            <Typography variant="body2">{translate('yizhan.holidays.enter_help')}</Typography>
            <TextField label={translate('yizhan.holidays.notice')} size="small" value={notice} onChange={(e) => setNotice(e.target.value)} />
            <TextField select size="small" label={translate('yizhan.holidays.format')} value={format} onChange={(e) => setFormat(e.target.value as 'CSV' | 'JSON')}>
              <MenuItem value="CSV">CSV</MenuItem>
              <MenuItem value="JSON">JSON</MenuItem>
            </TextField>
            <TextField multiline minRows={12} value={text} onChange={(e) => setText(e.target.value)} inputProps={{ 'data-testid': 'holiday-text', style: { fontFamily: 'monospace' } }} />
            {error && <Alert severity="error" data-testid="holiday-error">{error}</Alert>}
            <Stack direction="row" spacing={1}>
              <Button variant="outlined" onClick={() => submit(true)} data-testid="holiday-check">
                {translate('yizhan.holidays.check')}
              </Button>
              <Button variant="contained" onClick={() => submit(false)} data-testid="holiday-save">
                {translate('yizhan.holidays.save')}
              </Button>
            </Stack>
          </Stack>
        </Box>
      </CardContent>
    </Card>
  );
};
