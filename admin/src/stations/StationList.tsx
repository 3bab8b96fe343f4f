import MapIcon from '@mui/icons-material/Map';
import MapOutlined from '@mui/icons-material/MapOutlined';
import { Chip } from '@mui/material';
import { useEffect } from 'react';
import {
  AutocompleteInput,
  BulkDeleteButton,
  Button,
  CreateButton,
  Datagrid,
  DateField,
  FilterButton,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectField,
  TextField,
  TopToolbar,
  useInput,
  useStore,
  useTranslate,
  type InputProps,
} from 'react-admin';
import { can, useRole } from '../auth';
import { amenityChoices, stationKindChoices, stationStatusChoices } from '../choices';
import { AmenitiesField } from './AmenitiesField';
import { NeedsReviewField } from './NeedsReviewField';
import { StationsMapPanel } from './StationsMapPanel';
import { StationExportButton } from '../exports/ExportMenuButton';

const SHOW_MAP_KEY = 'stations.list.showMap';

/** Shown in the filter bar while the list is limited to the map view; the map keeps its value current. */
const WithinMapInput = (props: InputProps) => {
  const translate = useTranslate();
  const [, setShowMap] = useStore(SHOW_MAP_KEY, false);
  useInput(props);
  // Added from the filter menu: the map must be visible to have a view to filter by.
  useEffect(() => setShowMap(true), [setShowMap]);
  return (
    <Chip
      icon={<MapOutlined />}
      label={translate('resources.stations.fields.within')}
      onClick={() => setShowMap(true)}
      sx={{ mb: 1.25 }}
    />
  );
};

const stationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="kinds" source="kinds" choices={stationKindChoices} sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="statuses" source="statuses" choices={stationStatusChoices} sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="amenities" source="amenities" choices={amenityChoices} sx={{ minWidth: 200 }} />,
  <ReferenceInput key="regionCodePrefix" source="regionCodePrefix" reference="regions">
    <AutocompleteInput sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="needsReview" source="needsReview" />,
  <WithinMapInput key="within" source="within" label="resources.stations.fields.within" />,
];

const MapToggle = () => {
  const [showMap, setShowMap] = useStore(SHOW_MAP_KEY, false);
  return (
    <Button
      label={showMap ? 'resources.stations.actions.hide_map' : 'resources.stations.actions.show_map'}
      onClick={() => setShowMap(!showMap)}
      data-testid="toggle-map"
    >
      {showMap ? <MapOutlined /> : <MapIcon />}
    </Button>
  );
};

const StationListActions = () => {
  const role = useRole();
  return (
    <TopToolbar>
      <MapToggle />
      <FilterButton />
      {can.createStations(role) && <CreateButton />}
      <StationExportButton />
    </TopToolbar>
  );
};

const noWrapColumns = {
  '& .column-kind, & .column-status, & .column-region\\.name, & .column-provenance\\.needsReview, & .column-updatedAt': { whiteSpace: 'nowrap' },
};

/** The admin station list. An OPERATOR gets only the stations they may edit (the API filters). */
export const StationList = () => {
  const [showMap] = useStore(SHOW_MAP_KEY, false);
  const role = useRole();
  return (
    <List
      filters={can.editStations(role) ? stationFilters : stationFilters.filter((f) => f.key !== 'needsReview')}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={<StationListActions />}
      aside={showMap ? <StationsMapPanel /> : undefined}
      // Let the datagrid shrink beside the map instead of pushing it off screen.
      sx={{ '& .RaList-main': { minWidth: 0 } }}
    >
      <Datagrid rowClick="show" bulkActionButtons={can.deleteStations(role) ? <BulkDeleteButton mutationMode="pessimistic" /> : false} sx={noWrapColumns}>
        <TextField source="name" />
        <SelectField source="kind" choices={stationKindChoices} />
        <SelectField source="status" choices={stationStatusChoices} />
        <TextField source="region.name" sortBy="regionCode" label="resources.stations.fields.regionCode" />
        {!showMap && <AmenitiesField source="amenities" sortable={false} />}
        {/* Provenance is null unless the viewer may edit: a COORDINATOR would only see an empty column. */}
        {can.editStations(role) && <NeedsReviewField source="provenance.needsReview" label="resources.stations.fields.needsReview" sortable={false} />}
        {!showMap && <DateField source="updatedAt" showTime />}
      </Datagrid>
    </List>
  );
};
