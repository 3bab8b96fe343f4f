import { graphqlFetch } from '../auth/graphqlFetch';

/** A sign-up link as the campaign page lists it. */
export interface SignupLinkRow {
  id: string;
  path: string;
  active: boolean;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  registrations: number;
  team: { id: string; name: string } | null;
}

const FIELDS = 'id path active expiresAt revokedAt createdAt registrations team { id name }';

export const signupLinkApi = {
  list: async (campaignId: string) =>
    (await graphqlFetch<{ signupLinks: SignupLinkRow[] }>(`query($c: ID!) { signupLinks(campaignId: $c) { ${FIELDS} } }`, { c: campaignId })).signupLinks,
  create: async (campaignId: string, teamId: string | null, expiresAt: string | null) =>
    (await graphqlFetch<{ createSignupLink: SignupLinkRow }>(`mutation($c: ID!, $t: ID, $e: DateTime) { createSignupLink(campaignId: $c, teamId: $t, expiresAt: $e) { ${FIELDS} } }`, { c: campaignId, t: teamId, e: expiresAt }))
      .createSignupLink,
  revoke: async (id: string) => (await graphqlFetch<{ revokeSignupLink: SignupLinkRow }>(`mutation($id: ID!) { revokeSignupLink(id: $id) { ${FIELDS} } }`, { id })).revokeSignupLink,
  checkInCode: async (stationId: string, renew: boolean) =>
    (await graphqlFetch<{ issueCheckInCode: { path: string; createdAt: string } }>(`mutation($s: ID!, $r: Boolean) { issueCheckInCode(stationId: $s, renew: $r) { path createdAt } }`, { s: stationId, r: renew })).issueCheckInCode,
};
