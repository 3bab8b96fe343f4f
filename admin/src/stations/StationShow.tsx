import { Alert, Box, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import {
  DateField,
  DeleteButton,
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { HistoryPanel } from '../audit/HistoryPanel';
import { can, useRole } from '../auth';
import { SectionTitle } from '../common/SectionTitle';
import { coordinateSystemChoices, stationKindChoices, stationStatusChoices } from '../choices';
import { GradingPanel } from '../grading/GradingPanel';
import { formatDegrees } from '../map/coordinates';
import { MapView } from '../map/MapView';
import { StationsLayer } from '../map/StationsLayer';
import type { Station } from '../records';
import { AmenitiesField } from './AmenitiesField';
import { OpenNowField } from './OpenNowField';
import { RetireButton } from './RetireButton';

/** Retire and Edit only when the API says the viewer may edit this station; Delete for an ADMIN only. */
const StationShowActions = () => {
  const record = useRecordContext<Station>();
  const role = useRole();
  return (
    <TopToolbar>
      {record?.viewerCanEdit && <RetireButton />}
      {record?.viewerCanEdit && <EditButton />}
      {can.deleteStations(role) && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
};

/** The station's audit log, for an ADMIN or an OPERATOR who may edit it (the API refuses anyone else). */
const StationHistory = () => {
  const record = useRecordContext<Station>();
  const role = useRole();
  if (!record || !can.readHistory(role) || !record.viewerCanEdit) return null;
  return <HistoryPanel entityType="Station" />;
};

/** The location in WGS-84 (stored) and as the API converts it to GCJ-02 and BD-09, on a small map. */
const LocationCard = () => {
  const record = useRecordContext<Station>();
  const translate = useTranslate();
  if (!record) return null;
  const rows: [string, Station['location'] | undefined][] = [
    ['WGS84', record.location],
    ['GCJ02', record.gcj02],
    ['BD09', record.bd09],
  ];
  return (
    <Card variant="outlined">
      <MapView center={record.location} zoom={12} height={260} sx={{ borderRadius: 0 }}>
        <StationsLayer stations={[record]} />
      </MapView>
      <CardContent>
        <Box component="table" sx={{ fontSize: 14, borderSpacing: '12px 2px', ml: '-12px', fontVariantNumeric: 'tabular-nums' }}>
          <thead>
            <tr>
              <Box component="th" />
              <Box component="th" sx={{ textAlign: 'left', fontWeight: 500, color: 'text.secondary' }}>{translate('yizhan.map.lng')}</Box>
              <Box component="th" sx={{ textAlign: 'left', fontWeight: 500, color: 'text.secondary' }}>{translate('yizhan.map.lat')}</Box>
            </tr>
          </thead>
          <tbody>
            {rows.map(([crs, point]) =>
              point ? (
                <tr key={crs} data-testid={`location-${crs}`}>
                  <Box component="th" sx={{ textAlign: 'left', fontWeight: crs === 'WGS84' ? 600 : 400 }}>{translate(`enums.CoordinateSystem.${crs}`)}</Box>
                  <td>{formatDegrees(point.lng)}</td>
                  <td>{formatDegrees(point.lat)}</td>
                </tr>
              ) : null,
            )}
          </tbody>
        </Box>
      </CardContent>
    </Card>
  );
};

const fieldLabels = (fields: string[], translate: ReturnType<typeof useTranslate>) =>
  fields.length === 0
    ? '—'
    : fields.map((field) => (
        <Chip key={field} size="small" variant="outlined" label={translate(`resources.stations.fields.${field}`, { _: field })} />
      ));

/** Where the record came from: what was verified, what was guessed, and whether it needs a visit. */
const ProvenanceCard = () => {
  const record = useRecordContext<Station>();
  const translate = useTranslate();
  // Null unless the viewer may edit the station (internal notes).
  if (!record?.provenance) return null;
  const { provenance } = record;
  return (
    <Card variant="outlined" sx={provenance.needsReview ? { borderColor: 'warning.main', borderWidth: 2 } : undefined}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.stations.sections.provenance')}
        </Typography>
        {provenance.needsReview && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="needs-review">
            {translate('yizhan.needsReview')}
          </Alert>
        )}
        <Stack spacing={1.5}>
          <Labeled label="resources.stations.fields.provenance.source">
            <TextField source="provenance.source" />
          </Labeled>
          <Labeled label="resources.stations.fields.provenance.sourceDatum">
            <SelectField source="provenance.sourceDatum" choices={coordinateSystemChoices} emptyText="—" />
          </Labeled>
          <Labeled label="resources.stations.fields.provenance.verifiedFields">
            <Stack direction="row" flexWrap="wrap" gap={0.5}>
              {fieldLabels(provenance.verifiedFields, translate)}
            </Stack>
          </Labeled>
          <Labeled label="resources.stations.fields.provenance.inferredFields">
            <Stack direction="row" flexWrap="wrap" gap={0.5}>
              {fieldLabels(provenance.inferredFields, translate)}
            </Stack>
          </Labeled>
          {provenance.notes.length > 0 && (
            <Labeled label="resources.stations.fields.provenance.notes">
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {provenance.notes.map((note) => (
                  <Typography component="li" variant="body2" key={note}>
                    {note}
                  </Typography>
                ))}
              </Box>
            </Labeled>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

export const StationShow = () => (
  <Show actions={<StationShowActions />}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <SimpleShowLayout sx={{ p: 0 }}>
          <TextField source="name" variant="h6" />
          <Stack direction="row" spacing={4}>
            <Labeled source="kind">
              <SelectField source="kind" choices={stationKindChoices} />
            </Labeled>
            <Labeled source="status">
              <SelectField source="status" choices={stationStatusChoices} />
            </Labeled>
            <Labeled source="isOpen">
              <OpenNowField />
            </Labeled>
          </Stack>
          <Stack direction="row" spacing={4}>
            <Labeled source="openingHours">
              <TextField source="openingHours" emptyText="—" sx={{ fontFamily: 'monospace' }} />
            </Labeled>
            <Labeled source="timezone">
              <TextField source="timezone" />
            </Labeled>
          </Stack>
          <TextField source="address" emptyText="—" />
          <FunctionField<Station>
            source="regionCode"
            render={(record) => (record.region ? `${record.region.name}（${record.region.code}）` : record.regionCode ?? '—')}
          />
          <Stack direction="row" spacing={4}>
            <Labeled source="phone">
              <TextField source="phone" emptyText="—" />
            </Labeled>
            <Labeled source="capacity">
              <NumberField source="capacity" emptyText="—" />
            </Labeled>
          </Stack>
          <AmenitiesField source="amenities" />
          <SectionTitle title="resources.stations.sections.organizations" />
          <ReferenceField source="hostOrganizationId" reference="organizations" emptyText="—" />
          <ReferenceField source="operatorOrganizationId" reference="organizations" emptyText="—" />
          <Stack direction="row" spacing={4}>
            <Labeled source="createdAt">
              <DateField source="createdAt" showTime />
            </Labeled>
            <Labeled source="updatedAt">
              <DateField source="updatedAt" showTime />
            </Labeled>
            <Labeled source="version">
              <NumberField source="version" />
            </Labeled>
          </Stack>
          <TextField source="sourceKey" emptyText="—" />
        </SimpleShowLayout>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Stack spacing={2}>
          <GradingPanel />
          <LocationCard />
          <ProvenanceCard />
        </Stack>
      </Grid>
      <Grid size={12}>
        <StationHistory />
      </Grid>
    </Grid>
  </Show>
);
