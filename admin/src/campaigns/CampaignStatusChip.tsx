import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CampaignStatus } from '../enums';

const COLORS = { PLANNED: 'info', ACTIVE: 'success', CLOSED: 'default' } as const;

export const CampaignStatusChip = ({ status }: { status: CampaignStatus }) => {
  const translate = useTranslate();
  return <Chip size="small" color={COLORS[status]} label={translate(`enums.CampaignStatus.${status}`)} data-testid="campaign-status" />;
};
