import StationIcon from '@mui/icons-material/Storefront';
import { createElement } from 'react';
import type { ResourceProps } from 'react-admin';
import { Route } from 'react-router-dom';
import { can } from '../auth/permissions';
import type { Role } from '../enums';
import type { Station } from '../records';
import { StationCreate } from './StationCreate';
import { StationEdit } from './StationEdit';
import { StationEditDenied } from './StationEditDenied';
import { StationList } from './StationList';
import { StationShow } from './StationShow';

/** The station pages a role may use (create and edit for ADMIN and OPERATOR; per record, `viewerCanEdit`). */
export const stationResource = (role?: Role | null) =>
  ({
    list: StationList,
    show: StationShow,
    edit: can.editStations(role) ? StationEdit : undefined,
    create: can.createStations(role) ? StationCreate : undefined,
    // A role without edit pages still gets the edit URL (`/stations/:id`), with why, rather than the list.
    children: can.editStations(role) ? undefined : createElement(Route, { path: ':id', element: createElement(StationEditDenied, { reason: 'role' }) }),
    icon: StationIcon,
    recordRepresentation: (record: Station) => record.name,
  }) satisfies Omit<ResourceProps, 'name'>;
