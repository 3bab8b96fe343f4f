import AddLocationAlt from '@mui/icons-material/AddLocationAlt';
import {
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  Button,
  Form,
  Link,
  maxLength,
  required,
  SaveButton,
  TextInput,
  useCreatePath,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider';
import { amenityChoices } from '../choices';
import { LocationPicker } from '../map/LocationPicker';
import { formatInstant } from '../scheduling/time';
import type { Campaign, LngLat, ServicePointInput } from '../records';
import { CheckInCodeButton } from '../signupLinks/CheckInCodeButton';

type Values = Omit<ServicePointInput, 'campaignId' | 'location'> & { location: LngLat | null };

/** A temporary service point for the campaign (addServicePoint): valid during the campaign window, open 24/7. */
const AddServicePointDialog = ({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const submit = async (values: Partial<Values>) => {
    try {
      const station = await dataProvider.addServicePoint({
        campaignId: campaign.id,
        name: values.name ?? '',
        address: values.address,
        location: values.location!,
        amenities: values.amenities ?? [],
        openingHours: values.openingHours,
        approximateNote: values.approximateNote,
      });
      notify('yizhan.scheduling.points.added', { type: 'success', messageArgs: { name: station.name } });
      refresh();
      onClose();
      return undefined;
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, string> } }).body;
      if (body?.errors) return body.errors;
      notify(translate((error as Error).message, { _: (error as Error).message }), { type: 'error' });
      return undefined;
    }
  };
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{translate('yizhan.scheduling.points.add')}</DialogTitle>
      {/* record: a new station, not the campaign whose page this is (react-admin forms read the record context). */}
      <Form record={{}} onSubmit={submit as never} defaultValues={{ amenities: ['DRINKING_WATER', 'REST_SEATING', 'HEATSTROKE_RELIEF'] }}>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('yizhan.scheduling.points.help', {
              start: formatInstant(campaign.startsAt, campaign.timezone),
              end: formatInstant(campaign.endsAt, campaign.timezone),
            })}
          </Typography>
          <TextInput source="name" label="resources.stations.fields.name" validate={[required(), maxLength(200)]} />
          <TextInput source="address" label="resources.stations.fields.address" validate={maxLength(500)} />
          <TextInput source="openingHours" label="resources.stations.fields.openingHours" helperText="yizhan.scheduling.points.opening_hours" />
          <AutocompleteArrayInput source="amenities" label="resources.stations.fields.amenities" choices={amenityChoices} />
          <LocationPicker source="location" />
          <TextInput source="approximateNote" label="yizhan.scheduling.points.approximate" validate={maxLength(300)} helperText="yizhan.scheduling.points.approximate_help" />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label="yizhan.scheduling.points.add" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** 服务点: the campaign's points with their validity windows; ADMIN and COORDINATOR add temporary ones. */
export const ServicePointsPanel = ({ campaign, canManage }: { campaign: Campaign; canManage: boolean }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [open, setOpen] = useState(false);
  return (
    <Box data-testid="service-points">
      {canManage && (
        <Box sx={{ mb: 1 }}>
          <Button label="yizhan.scheduling.points.add" onClick={() => setOpen(true)} variant="outlined" data-testid="add-service-point">
            <AddLocationAlt />
          </Button>
          <AddServicePointDialog campaign={campaign} open={open} onClose={() => setOpen(false)} />
        </Box>
      )}
      {campaign.stations.length === 0 ? (
        <Typography color="text.secondary">{translate('yizhan.scheduling.calendar.no_points')}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.stations.fields.name')}</TableCell>
                <TableCell>{translate('resources.stations.fields.kind')}</TableCell>
                <TableCell>{translate('resources.stations.fields.address')}</TableCell>
                <TableCell>{translate('yizhan.scheduling.points.valid')}</TableCell>
                <TableCell>{translate('resources.stations.fields.status')}</TableCell>
                {canManage && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {campaign.stations.map((s) => (
                <TableRow key={s.id} data-testid="service-point-row">
                  <TableCell>
                    <Link to={createPath({ resource: 'stations', id: s.id, type: 'show' })}>{s.name}</Link>
                  </TableCell>
                  <TableCell>{translate(`enums.StationKind.${s.kind}`)}</TableCell>
                  <TableCell>{s.address ?? '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {s.validFrom || s.validUntil ? `${formatInstant(s.validFrom, campaign.timezone)} – ${formatInstant(s.validUntil, campaign.timezone)}` : translate('yizhan.scheduling.points.always')}
                  </TableCell>
                  <TableCell>{translate(`enums.StationStatus.${s.status}`)}</TableCell>
                  {canManage && (
                    <TableCell>
                      <CheckInCodeButton stationId={s.id} name={s.name} />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
};
