import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AssignmentStatus } from '../enums';

const COLORS: Record<AssignmentStatus, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info'> = {
  SIGNED_UP: 'primary',
  WAITLISTED: 'warning',
  CONFIRMED: 'info',
  CHECKED_IN: 'secondary',
  COMPLETED: 'success',
  NO_SHOW: 'error',
  CANCELLED: 'default',
};

/** 已报名 / 候补 / 已确认 / 已签到 / 已完成 / 缺勤 / 已取消. */
export const AssignmentStatusChip = ({ status }: { status: AssignmentStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={COLORS[status]}
      variant={status === 'CANCELLED' || status === 'WAITLISTED' ? 'outlined' : 'filled'}
      label={translate(`enums.AssignmentStatus.${status}`)}
      data-testid="assignment-status"
      data-status={status}
    />
  );
};
