import Close from '@mui/icons-material/Close';
import PlaylistAdd from '@mui/icons-material/PlaylistAdd';
import PlaylistRemove from '@mui/icons-material/PlaylistRemove';
import { Box, Drawer, IconButton, Stack, Tooltip } from '@mui/material';
import { Button, Link, useCreatePath, useTranslate } from 'react-admin';
import { ShiftDetails } from '../shifts/ShiftDetails';
import type { ShiftFill } from '../records';
import { useShiftSelection } from './selection';

/** The side panel of a shift clicked on the calendar or in the fill-rate table. */
export const ShiftPanel = ({ campaignId, fill, onClose }: { campaignId: string; fill: ShiftFill | null; onClose: () => void }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { selected, toggle } = useShiftSelection();
  const isSelected = fill ? selected.has(fill.shift.id) : false;
  return (
    <Drawer anchor="right" open={fill != null} onClose={onClose} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 560 } } } }}>
      {fill && (
        <Box sx={{ p: 2 }} data-testid="shift-panel">
          <Stack direction="row" alignItems="center" gap={1} sx={{ mb: 1 }}>
            <Button
              label={isSelected ? 'yizhan.scheduling.selection.remove' : 'yizhan.scheduling.selection.add'}
              onClick={() => toggle(fill.shift.id)}
              data-testid="toggle-selection"
            >
              {isSelected ? <PlaylistRemove /> : <PlaylistAdd />}
            </Button>
            <Link to={createPath({ resource: 'shifts', id: fill.shift.id, type: 'edit' })} sx={{ fontSize: 14 }}>
              {translate('yizhan.scheduling.panel.edit_shift')}
            </Link>
            <Box sx={{ flex: 1 }} />
            <Tooltip title={translate('ra.action.close')}>
              <IconButton onClick={onClose} aria-label={translate('ra.action.close')} data-testid="close-shift-panel">
                <Close />
              </IconButton>
            </Tooltip>
          </Stack>
          <ShiftDetails shiftId={fill.shift.id} campaignId={campaignId} isNight={fill.isNight} />
        </Box>
      )}
    </Drawer>
  );
};
