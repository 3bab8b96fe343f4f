import { Alert, AlertTitle, Box } from '@mui/material';
import { Button, Link, useCreatePath, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';

/**
 * What an edit URL shows to someone who may not edit the station (a typed-in or shared link), instead of a silent
 * redirect: why (`reason`: the station is outside their organizations, or their role edits no stations), and a
 * link to the station's page.
 */
export const StationEditDenied = ({ id, reason }: { id?: string; reason: 'not_yours' | 'role' }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const params = useParams();
  const stationId = id ?? params.id;
  return (
    <Box sx={{ mt: 2, maxWidth: 720 }} data-testid="station-edit-denied" data-reason={reason}>
      <Alert severity="warning">
        <AlertTitle>{translate('yizhan.access.cannot_edit_station')}</AlertTitle>
        {translate(`yizhan.access.cannot_edit_station_${reason}`)}
        {stationId && (
          <Box sx={{ mt: 1 }}>
            <Button component={Link} to={createPath({ resource: 'stations', id: stationId, type: 'show' })} label="yizhan.access.view_station" variant="outlined" />
          </Box>
        )}
      </Alert>
    </Box>
  );
};
