import CampaignIcon from '@mui/icons-material/Agriculture';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';
import { can } from '../auth/permissions';
import type { Role } from '../enums';
import type { Campaign } from '../records';
import { CampaignCreate } from './CampaignCreate';
import { CampaignEdit } from './CampaignEdit';
import { CampaignList } from './CampaignList';

/** The campaign page (calendar, planning, fill rate…) is its own chunk, loaded when first opened. */
const CampaignShow = lazy(() => import('./CampaignShow').then((m) => ({ default: m.CampaignShow })));

/** Campaigns: every staff role reads them; ADMIN and COORDINATOR create and change them. */
export const campaignResource = (role?: Role | null) =>
  ({
    list: CampaignList,
    show: CampaignShow,
    create: can.manageScheduling(role) ? CampaignCreate : undefined,
    edit: can.manageScheduling(role) ? CampaignEdit : undefined,
    icon: CampaignIcon,
    recordRepresentation: (record: Campaign) => record.name,
  }) satisfies Omit<ResourceProps, 'name'>;
