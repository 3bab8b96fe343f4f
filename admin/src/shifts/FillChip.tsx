import { Chip, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FILL_COLORS, fillStateOf } from '../scheduling/fillState';

/** `2/4` coloured by fill state (understaffed / partial / full), the minimum in the tooltip. */
export const FillChip = ({ filled, minimum, capacity, waitlist = 0 }: { filled: number; minimum: number; capacity: number; waitlist?: number }) => {
  const translate = useTranslate();
  const state = fillStateOf({ filled, minimum, capacity });
  const colors = FILL_COLORS[state];
  return (
    <Tooltip title={`${translate(`yizhan.scheduling.fill.${state}`)} · ${translate('yizhan.scheduling.fill.minimum', { minimum })}`}>
      <Chip
        size="small"
        label={`${filled}/${capacity}${waitlist ? ` +${waitlist}` : ''}`}
        data-testid="fill-chip"
        data-fill={state}
        sx={{ bgcolor: colors.bg, color: '#fff', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
      />
    </Tooltip>
  );
};
