/** How full a shift is: fewer than its minimum (understaffed), at least the minimum but room left (partial), full. */
export type FillState = 'understaffed' | 'partial' | 'full';

export const fillStateOf = ({ filled, minimum, capacity }: { filled: number; minimum: number; capacity: number }): FillState =>
  filled < minimum ? 'understaffed' : filled >= capacity ? 'full' : 'partial';

/** Colours of the fill states (calendar events, chips, coverage cells); readable with white text. */
export const FILL_COLORS: Record<FillState, { bg: string; border: string; soft: string }> = {
  understaffed: { bg: '#c62828', border: '#8e0000', soft: '#ffebee' },
  partial: { bg: '#ef8f00', border: '#b26a00', soft: '#fff3e0' },
  full: { bg: '#2e7d32', border: '#1b5e20', soft: '#e8f5e9' },
};

/** Night shifts are drawn with a dark left band and a moon. */
export const NIGHT_BAND = '#1a237e';
