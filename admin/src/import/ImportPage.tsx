import UploadFile from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  InputLabel,
  LinearProgress,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { coordinateSystemChoices } from '../choices';
import { describeServerError, type ServerErrorExtensions } from '../common/serverErrors';

/** Path of the import page (ADMIN). */
export const IMPORT_PATH = '/import';

type Format = 'csv' | 'json' | 'geojson';

/** Why a row was rejected or what was left out of it: reason key, args, the column at fault (ImportRowExtensions). */
type RowExtensions = ServerErrorExtensions & { field?: string };

/** The API's import report (api/src/importer/station-import.ts, ImportReport): `reason`/`message` are English. */
export interface ImportReport {
  read: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: { line: number; name: string | null; reason: string; extensions?: RowExtensions }[];
  warnings: { line: number; name: string | null; message: string; extensions?: RowExtensions }[];
  dryRun: boolean;
}

/** A row's reason or warning in the admin's language, after the column at fault (`lng：不是数字：abc`). */
function describeRow(message: string, extensions: RowExtensions | undefined, translate: ReturnType<typeof useTranslate>): string {
  if (!extensions || typeof extensions.reason !== 'string') return message;
  const text = describeServerError({ message, extensions });
  return extensions.field ? translate('yizhan.import.field_reason', { field: extensions.field, reason: text }) : text;
}

const formatOf = (name: string): Format => (/\.geojson$/i.test(name) ? 'geojson' : /\.json$/i.test(name) ? 'json' : 'csv');
const CONTENT_TYPE: Record<Format, string> = { csv: 'text/csv', json: 'application/json', geojson: 'application/geo+json' };

/**
 * Sends the file to `POST /imports/stations` (the command-line importer's code) and reads the answer: with
 * `onProgress`, the NDJSON stream of progress lines, then the report. Throws the API's error in the admin's
 * language (its `extensions.reason` and `args`, as for GraphQL errors).
 */
async function runImport(file: File, format: Format, crs: string, dryRun: boolean, onProgress?: (done: number, total: number) => void): Promise<ImportReport> {
  const query = new URLSearchParams({ format, crs, name: file.name, dryRun: String(dryRun) });
  const res = await fetch(`/imports/stations?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': CONTENT_TYPE[format], accept: onProgress ? 'application/x-ndjson' : 'application/json' },
    body: await file.text(),
  });
  if (!res.ok || !res.body) {
    const body = await res.json().catch(() => null);
    const error = body?.errors?.[0];
    throw new Error(error ? describeServerError(error) : `HTTP ${res.status}`);
  }
  if (!onProgress) return (await res.json()).report;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let report: ImportReport | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      if (line.report) report = line.report;
      else onProgress(line.done, line.total);
    }
    if (done) break;
  }
  if (!report) throw new Error('the import stopped before its report');
  return report;
}

const ReportView = ({ report }: { report: ImportReport }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }} data-testid={report.dryRun ? 'import-preview' : 'import-result'}>
      <Alert severity={report.rejected.length ? 'warning' : 'success'}>
        {translate(report.dryRun ? 'yizhan.import.preview_summary' : 'yizhan.import.result_summary', {
          read: report.read,
          created: report.created,
          updated: report.updated,
          skipped: report.skipped,
          rejected: report.rejected.length,
        })}
      </Alert>
      {report.rejected.length > 0 && (
        <>
          <Typography variant="subtitle1" sx={{ mt: 2 }}>
            {translate('yizhan.import.rejected', { count: report.rejected.length })}
          </Typography>
          <Table size="small" data-testid="import-rejected">
            <TableHead>
              <TableRow>
                <TableCell>{translate('yizhan.import.line')}</TableCell>
                <TableCell>{translate('yizhan.import.name')}</TableCell>
                <TableCell>{translate('yizhan.import.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.rejected.map((r) => (
                <TableRow key={`${r.line}-${r.reason}`}>
                  <TableCell>{r.line}</TableCell>
                  <TableCell>{r.name ?? '—'}</TableCell>
                  <TableCell>{describeRow(r.reason, r.extensions, translate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <Typography variant="subtitle1" sx={{ mt: 2 }}>
            {translate('yizhan.import.warnings', { count: report.warnings.length })}
          </Typography>
          <Table size="small">
            <TableBody>
              {report.warnings.map((w, i) => (
                <TableRow key={i}>
                  <TableCell sx={{ width: 80 }}>{w.line}</TableCell>
                  <TableCell sx={{ width: 220 }}>{w.name ?? '—'}</TableCell>
                  <TableCell>{describeRow(w.message, w.extensions, translate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
};

/**
 * 导入驿站 (ADMIN): choose a CSV, JSON or GeoJSON file and the datum of its coordinates, preview the import as a
 * dry run (each rejected row with its line and reason; nothing is written), then import it with a progress bar.
 * Rows are matched by the file name and each row's id, so importing the same file again changes nothing.
 */
export const ImportPage = () => {
  const translate = useTranslate();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format>('csv');
  const [crs, setCrs] = useState('GCJ02');
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setPreview(null);
    setResult(null);
    setProgress(null);
    setError(null);
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      if (dryRun) setPreview(await runImport(file, format, crs, true));
      else {
        setProgress({ done: 0, total: preview?.read ?? 0 });
        setResult(await runImport(file, format, crs, false, (done, total) => setProgress({ done, total })));
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 1000 }}>
      <Title title="yizhan.import.page_title" />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('yizhan.import.intro')}
          </Typography>
          <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mt: 2 }}>
            <Button variant="outlined" component="label" startIcon={<UploadFile />}>
              {translate('yizhan.import.choose_file')}
              <input
                hidden
                type="file"
                accept=".csv,.json,.geojson,text/csv,application/json,application/geo+json"
                data-testid="import-file"
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setFile(f);
                  if (f) setFormat(formatOf(f.name));
                  reset();
                }}
              />
            </Button>
            <Typography data-testid="import-file-name">{file ? `${file.name}（${Math.ceil(file.size / 1024)} KB）` : translate('yizhan.import.no_file')}</Typography>
          </Stack>
          <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
            <FormControl sx={{ minWidth: 160 }}>
              <InputLabel id="import-format">{translate('yizhan.import.format')}</InputLabel>
              <Select labelId="import-format" label={translate('yizhan.import.format')} value={format} onChange={(e) => (setFormat(e.target.value as Format), reset())}>
                <MenuItem value="csv">CSV</MenuItem>
                <MenuItem value="json">JSON</MenuItem>
                <MenuItem value="geojson">GeoJSON</MenuItem>
              </Select>
            </FormControl>
            <FormControl sx={{ minWidth: 300 }}>
              <InputLabel id="import-crs">{translate('yizhan.import.crs')}</InputLabel>
              <Select labelId="import-crs" label={translate('yizhan.import.crs')} value={crs} onChange={(e) => (setCrs(e.target.value), reset())} data-testid="import-crs">
                {coordinateSystemChoices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {translate(c.name)}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          </Stack>
          <Stack direction="row" spacing={2} sx={{ mt: 3 }}>
            <Button variant="outlined" disabled={!file || busy} onClick={() => void run(true)} data-testid="import-preview-button">
              {translate('yizhan.import.preview')}
            </Button>
            <Button variant="contained" disabled={!file || busy || !preview || Boolean(result)} onClick={() => void run(false)} data-testid="import-commit-button">
              {translate('yizhan.import.commit')}
            </Button>
          </Stack>
          {!preview && file && !busy && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('yizhan.import.preview_first')}
            </Typography>
          )}
          {progress && (
            <Box sx={{ mt: 2 }} data-testid="import-progress">
              <LinearProgress variant="determinate" value={progress.total ? (100 * progress.done) / progress.total : 0} />
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {translate('yizhan.import.progress', { done: progress.done, total: progress.total })}
              </Typography>
            </Box>
          )}
          {error && (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="import-error">
              {error}
            </Alert>
          )}
          {result ? <ReportView report={result} /> : preview && <ReportView report={preview} />}
        </CardContent>
      </Card>
    </Box>
  );
};
