import Bedtime from '@mui/icons-material/Bedtime';
import { Box, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FILL_COLORS, NIGHT_BAND, type FillState } from '../scheduling/fillState';

/** The colour key above the calendar. */
export const FillLegend = () => {
  const translate = useTranslate();
  const swatch = (bg: string, extra: object = {}) => ({ width: 18, height: 14, borderRadius: '3px', bgcolor: bg, display: 'inline-block', ...extra });
  return (
    <Stack direction="row" gap={2} flexWrap="wrap" alignItems="center" data-testid="fill-legend" sx={{ fontSize: 13 }}>
      {(Object.keys(FILL_COLORS) as FillState[]).map((state) => (
        <Stack key={state} direction="row" gap={0.75} alignItems="center">
          <Box sx={swatch(FILL_COLORS[state].bg)} />
          <span>{translate(`yizhan.scheduling.fill.${state}_long`)}</span>
        </Stack>
      ))}
      <Stack direction="row" gap={0.75} alignItems="center">
        <Box
          sx={swatch('#777', {
            backgroundImage: 'repeating-linear-gradient(135deg, rgba(0,0,0,0.3) 0 4px, rgba(0,0,0,0) 4px 8px)',
            boxShadow: `inset 4px 0 0 ${NIGHT_BAND}`,
          })}
        />
        <Bedtime sx={{ fontSize: 16 }} />
        <span>{translate('yizhan.scheduling.calendar.night_long')}</span>
      </Stack>
    </Stack>
  );
};
