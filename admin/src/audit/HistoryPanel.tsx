import { Alert, Box, Card, CardContent, Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useGetList, useGetMany, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDegrees } from '../map/coordinates';
import type { AuditEvent, FieldChange } from '../records';

type Translate = ReturnType<typeof useTranslate>;

/** Entity properties whose values are enum values, per entity type, with the i18n enum that names them. */
const ENUM_FIELDS: Record<string, Record<string, string>> = {
  Station: { kind: 'StationKind', status: 'StationStatus', amenities: 'Amenity', 'provenance.sourceDatum': 'CoordinateSystem' },
  Organization: { kind: 'OrganizationKind' },
  User: { role: 'Role' },
  ApiKey: { scopes: 'ApiScope' },
};

/** Properties that hold organization ids (references are logged as ids, collections as id lists). */
const ORGANIZATION_FIELDS = new Set(['operatorOrganization', 'hostOrganization', 'parent', 'ownerOrganization', 'organizations']);

/** react-admin resource whose field labels name an entity's properties. */
const RESOURCE_OF: Record<string, string> = { Station: 'stations', Organization: 'organizations', User: 'users', ApiKey: 'apiKeys' };

const fieldLabel = (entityType: string, field: string, translate: Translate) => {
  if (field === 'provenance') return translate('resources.stations.sections.provenance');
  const resource = RESOURCE_OF[entityType];
  return resource ? translate(`resources.${resource}.fields.${field}`, { _: field }) : field;
};

const isEmptyValue = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const WKT_POINT = /^(?:SRID=\d+;)?POINT\s*\(\s*(-?[\d.eE+-]+)\s+(-?[\d.eE+-]+)\s*\)$/i;

/** A point as logged: `{ lng, lat }`, GeoJSON `{ coordinates: [lng, lat] }` or (E)WKT `SRID=4326;POINT(lng lat)`. */
const pointOf = (v: unknown): { lng: number; lat: number } | null => {
  if (typeof v === 'string') {
    const m = WKT_POINT.exec(v.trim());
    return m ? { lng: Number(m[1]), lat: Number(m[2]) } : null;
  }
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.lng === 'number' && typeof o.lat === 'number') return { lng: o.lng, lat: o.lat };
  if (Array.isArray(o.coordinates) && typeof o.coordinates[0] === 'number') return { lng: o.coordinates[0] as number, lat: o.coordinates[1] as number };
  return null;
};

/** Properties whose values name station fields (provenance lists them). */
const STATION_FIELD_LISTS = new Set(['provenance.verifiedFields', 'provenance.inferredFields']);

interface FormatContext {
  entityType: string;
  /** The property, or `property.key` inside an object-valued one. */
  field: string;
  translate: Translate;
  organizationNames: Map<string, string>;
  /** Between list items: 、 in Chinese, a comma in English. */
  separator: string;
}

/** JSON objects and arrays logged as text (e.g. provenance) are shown as values, not as JSON. */
const parsedValue = (v: unknown): unknown => {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

/** One value (an array item or a scalar) as text. */
const formatItem = (v: unknown, { entityType, field, translate, organizationNames }: FormatContext): string => {
  if (v === '[redacted]') return translate('yizhan.history.redacted');
  if (typeof v === 'boolean') return translate(v ? 'ra.boolean.true' : 'ra.boolean.false');
  const enumName = ENUM_FIELDS[entityType]?.[field];
  if (enumName && typeof v === 'string') return translate(`enums.${enumName}.${v}`, { _: v });
  if (ORGANIZATION_FIELDS.has(field) && typeof v === 'string') return organizationNames.get(v) ?? v;
  if (STATION_FIELD_LISTS.has(field) && typeof v === 'string') return translate(`resources.stations.fields.${v}`, { _: v });
  const point = pointOf(v);
  if (point) return `${formatDegrees(point.lng)}, ${formatDegrees(point.lat)}`;
  if (v && typeof v === 'object') return JSON.stringify(v, null, 1).replace(/\s*\n\s*/g, ' ');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return new Date(v).toLocaleString();
  return String(v);
};

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="inherit" color="text.disabled">
      {translate('yizhan.history.none')}
    </Typography>
  );
};

/** Lists: the items after the change, added ones highlighted, removed ones struck through. */
const ListChange = ({ before, after, ctx }: { before: unknown[]; after: unknown[]; ctx: FormatContext }) => {
  const key = (v: unknown) => JSON.stringify(v);
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const removed = before.filter((v) => !afterKeys.has(key(v)));
  if (after.length === 0 && removed.length === 0) return <Empty />;
  return (
    <Stack direction="row" flexWrap="wrap" gap={0.5} component="span">
      {after.map((v) => {
        const added = !beforeKeys.has(key(v));
        return (
          <Chip
            key={`a-${key(v)}`}
            size="small"
            label={`${added ? '+ ' : ''}${formatItem(v, ctx)}`}
            color={added ? 'success' : 'default'}
            variant={added ? 'filled' : 'outlined'}
            data-change={added ? 'added' : 'kept'}
          />
        );
      })}
      {removed.map((v) => (
        <Chip
          key={`r-${key(v)}`}
          size="small"
          label={`− ${formatItem(v, ctx)}`}
          color="error"
          variant="outlined"
          sx={{ textDecoration: 'line-through' }}
          data-change="removed"
        />
      ))}
    </Stack>
  );
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => v != null && typeof v === 'object' && !Array.isArray(v) && !pointOf(v);

/** Label of a key inside an object-valued property (only provenance has labels). */
const subLabel = (field: string, key: string, translate: Translate) =>
  field === 'provenance' ? translate(`resources.stations.fields.provenance.${key}`, { _: key }) : key;

/** An object-valued property (e.g. provenance): one line per key; on an update only the keys that changed. */
const ObjectValue = ({ before, after, ctx }: { before?: Record<string, unknown>; after: Record<string, unknown>; ctx: FormatContext }) => {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].filter(
    (k) => !before || JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
  const itemCtx = (k: string) => ({ ...ctx, field: `${ctx.field}.${k}` });
  return (
    <Box component="span" sx={{ display: 'block' }}>
      {keys.map((k) => (
        <Box component="span" key={k} sx={{ display: 'block' }}>
          <Box component="span" sx={{ color: 'text.secondary' }}>{subLabel(ctx.field, k, ctx.translate)}：</Box>
          {before && (
            <>
              <ScalarValue value={before[k]} ctx={itemCtx(k)} />
              <Box component="span" sx={{ mx: 0.75, color: 'text.secondary' }}>
                →
              </Box>
            </>
          )}
          <ScalarValue value={after[k]} ctx={itemCtx(k)} />
        </Box>
      ))}
    </Box>
  );
};

const ScalarValue = ({ value, ctx }: { value: unknown; ctx: FormatContext }): ReactNode => {
  if (isEmptyValue(value)) return <Empty />;
  if (isPlainObject(value)) return <ObjectValue after={value} ctx={ctx} />;
  return <>{Array.isArray(value) ? value.map((v) => formatItem(v, ctx)).join(ctx.separator) : formatItem(value, ctx)}</>;
};

/** One changed field: label, then before → after (or just the value of a created or deleted record). */
const ChangeLine = ({ change, event, organizationNames }: { change: FieldChange; event: AuditEvent; organizationNames: Map<string, string> }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const ctx: FormatContext = { entityType: event.entityType, field: change.field, translate, organizationNames, separator: locale === 'en' ? ', ' : '、' };
  const before = parsedValue(change.before);
  const after = parsedValue(change.after);
  let value: ReactNode;
  if (event.action === 'UPDATE' && Array.isArray(before) && Array.isArray(after)) {
    value = <ListChange before={before} after={after} ctx={ctx} />;
  } else if (event.action === 'UPDATE' && isPlainObject(before) && isPlainObject(after)) {
    value = <ObjectValue before={before} after={after} ctx={ctx} />;
  } else if (event.action === 'CREATE') {
    value = <ScalarValue value={after} ctx={ctx} />;
  } else if (event.action === 'DELETE') {
    value = <ScalarValue value={before} ctx={ctx} />;
  } else {
    value = (
      <>
        <Box component="span" sx={{ color: 'text.secondary' }}>
          <ScalarValue value={before} ctx={ctx} />
        </Box>
        <Box component="span" sx={{ mx: 0.75, color: 'text.secondary' }}>
          →
        </Box>
        <ScalarValue value={after} ctx={ctx} />
      </>
    );
  }
  return (
    <Box data-field={change.field} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', py: 0.25, fontSize: 14 }}>
      <Box component="span" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
        {fieldLabel(event.entityType, change.field, translate)}
      </Box>
      <Box component="span" sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {value}
      </Box>
    </Box>
  );
};

const ACTION_COLORS = { CREATE: 'success', UPDATE: 'info', DELETE: 'error' } as const;

/** A created or deleted record lists every field: show the first few until asked for all. */
const COLLAPSED_FIELDS = 3;

const EventChanges = ({ event, organizationNames }: { event: AuditEvent; organizationNames: Map<string, string> }) => {
  const translate = useTranslate();
  const [expanded, setExpanded] = useState(false);
  // The id of a created record is the record itself: not a change worth a line.
  const changes = event.changes.filter((c) => !(event.action !== 'UPDATE' && c.field === 'id'));
  const collapsible = event.action !== 'UPDATE' && changes.length > COLLAPSED_FIELDS + 1;
  const shown = collapsible && !expanded ? changes.slice(0, COLLAPSED_FIELDS) : changes;
  return (
    <>
      {shown.map((change) => (
        <ChangeLine key={change.field} change={change} event={event} organizationNames={organizationNames} />
      ))}
      {collapsible && (
        <Link component="button" variant="body2" onClick={() => setExpanded(!expanded)} sx={{ mt: 0.5 }}>
          {translate(expanded ? 'yizhan.history.collapse' : 'yizhan.history.expand', { count: changes.length })}
        </Link>
      )}
    </>
  );
};

const PER_PAGE_OPTIONS = [10, 25, 50];

/** The API operation(s) that made the change (`updateStation`, or several comma-separated) by their translated names. */
const operationLabel = (operation: string, translate: ReturnType<typeof useTranslate>) =>
  operation
    .split(',')
    .map((op) => op.trim())
    .filter(Boolean)
    .map((op) => translate(`yizhan.history.operations.${op}`, { _: op }))
    .join('、');

/**
 * The audit log of the record in context (变更记录): when, who, which operation, and each changed field
 * before → after. Newest first, paged. The API lets an ADMIN read any record's history and an OPERATOR the
 * history of a station they may edit; render it only for them.
 */
export const HistoryPanel = ({ entityType }: { entityType: 'Station' | 'Organization' | 'User' | 'ApiKey' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(10);
  const { data: events = [], total = 0, isPending, error } = useGetList<AuditEvent>(
    'auditEvents',
    { filter: { entityType, entityId: record?.id }, pagination: { page: page + 1, perPage }, sort: { field: 'at', order: 'DESC' } },
    { enabled: record?.id != null },
  );
  const organizationIds = [
    ...new Set(
      events.flatMap((e) =>
        e.changes.filter((c) => ORGANIZATION_FIELDS.has(c.field)).flatMap((c) => [c.before, c.after].flat().filter((v): v is string => typeof v === 'string')),
      ),
    ),
  ];
  const { data: organizations } = useGetMany('organizations', { ids: organizationIds }, { enabled: organizationIds.length > 0 });
  const organizationNames = new Map((organizations ?? []).map((o) => [String(o.id), o.name as string]));
  const dateFormat = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'short', timeStyle: 'medium' });

  if (!record) return null;
  return (
    <Card variant="outlined" data-testid="history">
      <CardContent sx={{ pb: 0 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('yizhan.history.title')}
        </Typography>
      </CardContent>
      {error ? (
        <Alert severity="warning" sx={{ m: 2 }}>
          {translate('yizhan.history.load_failed')}
        </Alert>
      ) : !isPending && events.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }} data-testid="history-empty">
          {translate('yizhan.history.empty')}
        </Typography>
      ) : (
        <>
          <Table size="small" sx={{ '& td': { verticalAlign: 'top' } }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 170 }}>{translate('yizhan.history.at')}</TableCell>
                <TableCell sx={{ width: 140 }}>{translate('yizhan.history.actor')}</TableCell>
                <TableCell sx={{ width: 150 }}>{translate('yizhan.history.action')}</TableCell>
                <TableCell>{translate('yizhan.history.changes')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {events.map((event) => (
                <TableRow key={event.id} data-testid="history-event" data-action={event.action}>
                  <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{dateFormat.format(new Date(event.at))}</TableCell>
                  <TableCell data-testid="history-actor">
                    <Box sx={{ overflowWrap: 'anywhere' }}>{event.actorLabel}</Box>
                    {event.actorKind !== 'USER' && (
                      <Typography variant="caption" color="text.secondary">
                        {translate(`enums.ActorKind.${event.actorKind}`, { _: event.actorKind })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color={ACTION_COLORS[event.action] ?? 'default'} label={translate(`enums.AuditAction.${event.action}`, { _: event.action })} />
                    {event.operation && (
                      <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 0.5 }} title={event.operation} data-testid="history-operation">
                        {operationLabel(event.operation, translate)}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <EventChanges event={event} organizationNames={organizationNames} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {total > PER_PAGE_OPTIONS[0] && (
            <TablePagination
              component="div"
              count={total}
              page={page}
              onPageChange={(_e, p) => setPage(p)}
              rowsPerPage={perPage}
              rowsPerPageOptions={PER_PAGE_OPTIONS}
              onRowsPerPageChange={(e) => {
                setPerPage(Number(e.target.value));
                setPage(0);
              }}
              labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
              labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
            />
          )}
        </>
      )}
    </Card>
  );
};
