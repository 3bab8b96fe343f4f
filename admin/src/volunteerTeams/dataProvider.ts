import { defineResource, ACTION, idsOf } from '../common/graphqlProvider';

const TEAM_FIELDS = `id name kind organization { id name } leader { id name } members { id name } memberCount contact regionCode createdAt updatedAt version`;

/** Volunteer teams by name (ADMIN; a COORDINATOR: the teams of their organizations). */
export const volunteerTeamsProvider = defineResource({
  name: 'volunteerTeams',
  crud: {
    one: 'volunteerTeam',
    list: 'volunteerTeams',
    filterType: 'VolunteerTeamFilter',
    idsFilter: 'ids',
    orderType: 'VolunteerTeamOrder',
    orderFields: { name: 'NAME', kind: 'KIND', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
    fields: TEAM_FIELDS,
    create: { mutation: 'createVolunteerTeam', input: 'VolunteerTeamInput' },
    update: { mutation: 'updateVolunteerTeam', input: 'VolunteerTeamInput' },
    toRecord: (team) => ({ ...team, organizationId: team.organization?.id ?? null, leaderId: team.leader?.id ?? null, memberIds: idsOf(team.members) }),
  },
  methods: (api) => ({
    /** A new secret iCalendar URL (path) for a team or a volunteer; the old one stops working. */
    rotateCalendar: (kind: 'team' | 'volunteer', id: string): Promise<string> =>
      api
        .request<{ feed: { path: string } }>(
          kind === 'team'
            ? 'mutation ($id: ID!) { feed: rotateTeamCalendar(teamId: $id) { path } }'
            : 'mutation ($id: ID!) { feed: rotateVolunteerCalendar(volunteerId: $id) { path } }',
          { id },
          ACTION,
        )
        .then((d) => d.feed.path),
  }),
});
