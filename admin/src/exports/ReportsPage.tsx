import Download from '@mui/icons-material/Download';
import Print from '@mui/icons-material/Print';
import { Alert, Box, Button, Card, CardContent, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, Form, ReferenceInput, Title, useTranslate } from 'react-admin';
import { useExportDownload, useExportOpen } from './download';
import { exportUrl } from './exportUrl';

/** Path of the reports page. */
export const REPORTS_PATH = '/reports';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const monthStart = () => `${today().slice(0, 8)}01`;

/**
 * 报表与导出: people served (服务人次) and supplies handed out over a date range, at one station or at every
 * station the viewer may read, as Excel or CSV; and the printable shift roster of a service point on a day.
 */
export const ReportsPage = () => {
  const translate = useTranslate();
  const download = useExportDownload();
  const openPage = useExportOpen();
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(today());
  const [day, setDay] = useState(today());
  const [stationId, setStationId] = useState<string>('');
  const range = { from, to, stationId };
  const badRange = !from || !to || to < from;
  const link = (report: 'served' | 'supplies', format: 'xlsx' | 'csv') => (
    <Button
      key={`${report}.${format}`}
      variant="outlined"
      startIcon={<Download />}
      href={badRange ? '#' : exportUrl(report, format, range)}
      disabled={badRange}
      download
      onClick={(e: React.MouseEvent) => {
        e.preventDefault();
        if (!badRange) void download(exportUrl(report, format, range));
      }}
      data-testid={`report-${report}-${format}`}
    >
      {translate(`yizhan.exports.formats.${report}_${format}`)}
    </Button>
  );
  return (
    <Box sx={{ mt: 2, maxWidth: 900 }}>
      <Title title="yizhan.exports.page_title" />
      <Card>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate('yizhan.exports.period')}
          </Typography>
          <Form>
            <ReferenceInput source="stationId" reference="stations">
              <AutocompleteInput
                label="yizhan.exports.station"
                helperText="yizhan.exports.station_help"
                onChange={(v: string | null) => setStationId(v ?? '')}
                sx={{ minWidth: 360 }}
              />
            </ReferenceInput>
          </Form>
          <Stack direction="row" spacing={2} sx={{ my: 2 }}>
            <MuiTextField type="date" label={translate('yizhan.exports.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} inputProps={{ 'data-testid': 'report-from' }} />
            <MuiTextField type="date" label={translate('yizhan.exports.to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} inputProps={{ 'data-testid': 'report-to' }} />
          </Stack>
          {badRange && <Alert severity="warning">{translate('yizhan.exports.bad_range')}</Alert>}
          <Stack direction="row" spacing={1.5} useFlexGap flexWrap="wrap" sx={{ mt: 1 }}>
            {link('served', 'xlsx')}
            {link('served', 'csv')}
            {link('supplies', 'xlsx')}
            {link('supplies', 'csv')}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
            {translate('yizhan.exports.scope_note')}
          </Typography>
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate('yizhan.exports.roster')}
          </Typography>
          <Stack direction="row" spacing={2} alignItems="center">
            <MuiTextField type="date" label={translate('yizhan.exports.day')} value={day} onChange={(e) => setDay(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
            <Button
              variant="contained"
              startIcon={<Print />}
              disabled={!stationId || !day}
              href={stationId && day ? exportUrl('roster', 'html', { stationId, day }) : '#'}
              target="_blank"
              rel="noopener"
              onClick={(e: React.MouseEvent) => {
                e.preventDefault();
                if (stationId && day) void openPage(exportUrl('roster', 'html', { stationId, day }));
              }}
              data-testid="report-roster"
              sx={{ whiteSpace: "nowrap", flexShrink: 0 }}
            >
              {translate('yizhan.exports.open_roster')}
            </Button>
          </Stack>
          {!stationId && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
              {translate('yizhan.exports.roster_pick_station')}
            </Typography>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
