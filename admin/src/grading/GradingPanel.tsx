import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  MenuItem,
  Rating,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useRole } from '../auth';
import type { Station } from '../records';
import { fetchGrading, gradeStation, LIU_YOU_ITEMS, recordInspection, TITLE_LEVELS, type StationGrading, type StationTitle } from './queries';

const useReload = (id: string) => {
  const client = useQueryClient();
  const refresh = useRefresh();
  return () => {
    void client.invalidateQueries({ queryKey: ['yizhan', 'grading', id] });
    void client.invalidateQueries({ queryKey: ['yizhan', 'dashboard'] });
    refresh();
  };
};

/** The 六有 checklist: each item met or not, with a note; the inspector, the date; and, for a PLANNED station, whether to activate it. */
const InspectDialog = ({ g, onClose }: { g: StationGrading; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const reload = useReload(g.id);
  const [items, setItems] = useState(LIU_YOU_ITEMS.map((item) => ({ item, passed: false, note: '' })));
  const [inspectorName, setInspector] = useState('');
  const [inspectedOn, setDate] = useState(DateTime.now().setZone(g.timezone).toISODate()!);
  const [notes, setNotes] = useState('');
  const [activate, setActivate] = useState(g.status === 'PLANNED');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const allPassed = items.every((i) => i.passed);
  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const r = await recordInspection(g.id, { inspectorName, inspectedOn, notes: notes || null, items: items.map((i) => ({ item: i.item, passed: i.passed, note: i.note || null })) }, activate && allPassed && g.status === 'PLANNED', g.version);
      notify(`${translate('yizhan.grading.saved')}: ${translate(`yizhan.grading.result.${r.recordStationInspection.result}`)}`, { type: 'success' });
      reload();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('yizhan.grading.inspect_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          {items.map((it, n) => (
            <Stack key={it.item} direction="row" spacing={1} alignItems="center">
              <FormControlLabel
                sx={{ minWidth: 150 }}
                control={<Checkbox checked={it.passed} onChange={(e) => setItems(items.map((x, i) => (i === n ? { ...x, passed: e.target.checked } : x)))} inputProps={{ 'aria-label': it.item }} data-testid={`item-${it.item}`} />}
                label={translate(`yizhan.grading.items.${it.item}`)}
              />
              <TextField size="small" fullWidth label={translate('yizhan.grading.item_note')} value={it.note} onChange={(e) => setItems(items.map((x, i) => (i === n ? { ...x, note: e.target.value } : x)))} />
            </Stack>
          ))}
          <Typography variant="body2" color={allPassed ? 'success.main' : 'text.secondary'}>
            {translate('yizhan.grading.passed_count', { passed: items.filter((i) => i.passed).length, total: items.length })}
          </Typography>
          <Stack direction="row" spacing={2}>
            <TextField label={translate('yizhan.grading.inspector')} value={inspectorName} onChange={(e) => setInspector(e.target.value)} required fullWidth slotProps={{ htmlInput: { 'data-testid': 'inspector' } }} />
            <TextField type="date" label={translate('yizhan.grading.inspected_on')} value={inspectedOn} onChange={(e) => setDate(e.target.value)} required slotProps={{ inputLabel: { shrink: true } }} />
          </Stack>
          <TextField label={translate('yizhan.grading.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} multiline minRows={2} />
          {g.status === 'PLANNED' && (
            <FormControlLabel control={<Checkbox checked={activate && allPassed} disabled={!allPassed} onChange={(e) => setActivate(e.target.checked)} data-testid="activate" />} label={translate('yizhan.grading.activate')} />
          )}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('yizhan.grading.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={saving || !inspectorName.trim()} data-testid="inspection-save">
          {translate('yizhan.grading.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** Stars and the whole list of titles (the API replaces the old list), with the station's version. */
const GradeDialog = ({ g, onClose }: { g: StationGrading; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const reload = useReload(g.id);
  const [stars, setStars] = useState<number | null>(g.gradeStars);
  const [titles, setTitles] = useState<StationTitle[]>(g.titles.map((t) => ({ ...t })));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (n: number, patch: Partial<StationTitle>) => setTitles(titles.map((t, i) => (i === n ? { ...t, ...patch } : t)));
  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      await gradeStation(g.id, g.version, stars, titles.map((t) => ({ ...t, source: t.source || null })));
      notify(translate('yizhan.grading.saved'), { type: 'success' });
      reload();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{translate('yizhan.grading.grade_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2} alignItems="center">
            <Typography>{translate('yizhan.grading.stars')}</Typography>
            <Rating value={stars} onChange={(_e, v) => setStars(v)} data-testid="stars" />
          </Stack>
          {titles.map((t, n) => (
            <Stack key={n} direction="row" spacing={1} alignItems="center" data-testid="title-row">
              <TextField select size="small" label={translate('yizhan.grading.level')} value={t.level} onChange={(e) => set(n, { level: e.target.value as StationTitle['level'] })} sx={{ minWidth: 170 }}>
                {TITLE_LEVELS.map((l) => (
                  <MenuItem key={l} value={l}>
                    {translate(`yizhan.grading.levels.${l}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField size="small" type="number" label={translate('yizhan.grading.title_year')} value={t.year} onChange={(e) => set(n, { year: Number(e.target.value) })} sx={{ width: 100 }} />
              <TextField size="small" label={translate('yizhan.grading.awarding_body')} value={t.awardingBody} onChange={(e) => set(n, { awardingBody: e.target.value })} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'awarding-body' } }} />
              <TextField size="small" label={translate('yizhan.grading.source')} value={t.source ?? ''} onChange={(e) => set(n, { source: e.target.value })} sx={{ flex: 1 }} />
              <IconButton aria-label={translate('yizhan.grading.remove')} onClick={() => setTitles(titles.filter((_x, i) => i !== n))}>
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
          <Box>
            <Button startIcon={<AddIcon />} onClick={() => setTitles([...titles, { level: 'CITY', year: DateTime.now().year, awardingBody: '', source: null }])} data-testid="add-title">
              {translate('yizhan.grading.add_title')}
            </Button>
          </Box>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('yizhan.grading.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={saving} data-testid="grade-save">
          {translate('yizhan.grading.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Stack direction="row" spacing={2} alignItems="flex-start">
    <Typography variant="body2" color="text.secondary" sx={{ minWidth: 110, pt: 0.25 }}>
      {label}
    </Typography>
    <Box sx={{ flex: 1, minWidth: 0 }}>{children}</Box>
  </Stack>
);

/**
 * A station's labels, grade, titles, acceptance inspections and people served per year, with the ADMIN's
 * inspection and grading dialogs (the API lets only an ADMIN inspect and grade).
 */
export const GradingPanel = () => {
  const record = useRecordContext<Station>();
  const translate = useTranslate();
  const role = useRole();
  const [dialog, setDialog] = useState<'inspect' | 'grade' | null>(null);
  const q = useQuery({ queryKey: ['yizhan', 'grading', record?.id], queryFn: () => fetchGrading(String(record!.id)), enabled: Boolean(record?.id) });
  const g = q.data;
  if (!g) return null;
  return (
    <Card variant="outlined" data-testid="grading-panel">
      <CardContent>
        <Stack direction="row" alignItems="center" sx={{ mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
            {translate('yizhan.grading.section')}
          </Typography>
          {role === 'ADMIN' && (
            <Stack direction="row" spacing={1}>
              <Button size="small" variant="outlined" onClick={() => setDialog('inspect')} data-testid="inspect-button">
                {translate('yizhan.grading.inspect')}
              </Button>
              <Button size="small" variant="outlined" onClick={() => setDialog('grade')} data-testid="grade-button">
                {translate('yizhan.grading.grade')}
              </Button>
            </Stack>
          )}
        </Stack>
        {g.status === 'PLANNED' && (
          <Alert severity="info" sx={{ mb: 1.5 }} data-testid="planned-hint">
            {translate('yizhan.grading.planned_hint')}
          </Alert>
        )}
        <Stack spacing={1.25}>
          <Row label={translate('yizhan.grading.labels')}>
            <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap data-testid="station-labels">
              {g.labels.map((k) => (
                <Chip key={k} size="small" label={translate(`enums.StationKind.${k}`)} color={k === g.kind ? 'primary' : 'default'} />
              ))}
            </Stack>
          </Row>
          <Row label={translate('yizhan.grading.stars')}>
            {g.gradeStars ? <Rating value={g.gradeStars} readOnly size="small" data-testid="grade-stars" /> : <Typography variant="body2">{translate('yizhan.grading.no_stars')}</Typography>}
          </Row>
          <Row label={translate('yizhan.grading.titles')}>
            {g.titles.length ? (
              <Stack spacing={0.25} data-testid="station-titles">
                {g.titles.map((t) => (
                  <Typography variant="body2" key={`${t.level}${t.year}`}>
                    {t.year} {translate(`yizhan.grading.levels.${t.level}`)} · {t.awardingBody}
                    {t.source ? `（${t.source}）` : ''}
                  </Typography>
                ))}
              </Stack>
            ) : (
              <Typography variant="body2">{translate('yizhan.grading.no_titles')}</Typography>
            )}
          </Row>
          {g.inspections && (
            <Row label={translate('yizhan.grading.inspections')}>
              {g.inspections.length ? (
                <Stack spacing={0.5} data-testid="station-inspections">
                  {g.inspections.slice(0, 5).map((i) => (
                    <Box key={i.id}>
                      <Stack direction="row" spacing={1} alignItems="center">
                        <Chip size="small" color={i.result === 'PASSED' ? 'success' : 'error'} label={translate(`yizhan.grading.result.${i.result}`)} />
                        <Typography variant="body2">
                          {i.inspectedOn} · {i.inspectorName} · {translate('yizhan.grading.passed_count', { passed: i.items.filter((x) => x.passed).length, total: i.items.length })}
                        </Typography>
                      </Stack>
                      {i.items.some((x) => !x.passed) && (
                        <Typography variant="caption" color="error.main">
                          {i.items.filter((x) => !x.passed).map((x) => `${translate(`yizhan.grading.items.${x.item}`)}${x.note ? `（${x.note}）` : ''}`).join('、')}
                        </Typography>
                      )}
                    </Box>
                  ))}
                </Stack>
              ) : (
                <Typography variant="body2">{translate('yizhan.grading.no_inspections')}</Typography>
              )}
            </Row>
          )}
          {g.peopleServedByYear && (
            <Row label={translate('yizhan.grading.people_served')}>
              {g.peopleServedByYear.length ? (
                <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap data-testid="people-served-years">
                  {g.peopleServedByYear.map((y) => (
                    <Typography variant="body2" key={y.year} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {translate('yizhan.grading.year', { year: y.year })}: <b>{y.peopleServed.toLocaleString('zh-CN')}</b>
                    </Typography>
                  ))}
                </Stack>
              ) : (
                <Typography variant="body2">{translate('yizhan.grading.no_people_served')}</Typography>
              )}
            </Row>
          )}
        </Stack>
      </CardContent>
      {dialog === 'inspect' && <InspectDialog g={g} onClose={() => setDialog(null)} />}
      {dialog === 'grade' && <GradeDialog g={g} onClose={() => setDialog(null)} />}
    </Card>
  );
};
