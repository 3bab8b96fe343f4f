import { usePermissions } from 'react-admin';
import type { Role } from '../enums';

/** What authProvider.getPermissions answers: the role and whether a one-time password must be changed first. */
export interface Permissions {
  role: Role;
  mustChangePassword: boolean;
}

/** Path of the change-password page (a custom route). */
export const CHANGE_PASSWORD_PATH = '/change-password';

/** Path of the quick entry of supplies and people served (a custom route). */
export const QUICK_ENTRY_PATH = '/quick-entry';

/** What a role may do in the admin (the API checks it again; the UI hides what would be refused). */
export const can = {
  manageUsers: (role?: Role | null) => role === 'ADMIN',
  manageApiKeys: (role?: Role | null) => role === 'ADMIN',
  editOrganizations: (role?: Role | null) => role === 'ADMIN',
  deleteOrganizations: (role?: Role | null) => role === 'ADMIN',
  /** An OPERATOR's new station must be operated or hosted by one of their organizations (checked by the API). */
  createStations: (role?: Role | null) => role === 'ADMIN' || role === 'OPERATOR',
  /** Per record, `viewerCanEdit` decides; this is whether the role can edit any station at all. */
  editStations: (role?: Role | null) => role === 'ADMIN' || role === 'OPERATOR',
  deleteStations: (role?: Role | null) => role === 'ADMIN',
  /** The station list holds every station (an OPERATOR's is limited to the stations they may edit). */
  listAllStations: (role?: Role | null) => role === 'ADMIN' || role === 'COORDINATOR',
  /** ADMIN: any record's history; an OPERATOR: the history of a station they may edit. */
  readHistory: (role?: Role | null) => role === 'ADMIN' || role === 'OPERATOR',
  /** Volunteer teams, volunteers, shifts and sign-ups; creating and changing campaigns (a COORDINATOR: their organizations'). */
  manageScheduling: (role?: Role | null) => role === 'ADMIN' || role === 'COORDINATOR',
  /** Every staff role reads campaigns (an OPERATOR read-only). */
  readCampaigns: (role?: Role | null) => role === 'ADMIN' || role === 'COORDINATOR' || role === 'OPERATOR',
  /** Supplies handed out and people served, for the stations one runs (checked per station by the API). */
  recordSupplies: (role?: Role | null) => role === 'ADMIN' || role === 'COORDINATOR' || role === 'OPERATOR',
};

/** The signed-in user's role (undefined while loading). */
export const useRole = (): Role | undefined => {
  const { permissions } = usePermissions<Permissions | null>();
  return permissions?.role;
};
