import { defineResource, idsOf } from '../common/graphqlProvider';
import type { Volunteer } from '../records';

export const VOLUNTEER_FIELDS = `id name phone skills isModelWorker teams { id name } createdAt updatedAt version`;

const volunteerRecord = (v: any): Volunteer => ({ ...v, teamIds: idsOf(v.teams) });

/** Volunteers by name; `phone` as the API returns it (masked unless the viewer coordinates one of their teams). */
export const volunteersProvider = defineResource({
  name: 'volunteers',
  crud: {
    one: 'volunteer',
    list: 'volunteers',
    filterType: 'VolunteerFilter',
    idsFilter: 'ids',
    orderType: 'VolunteerOrder',
    orderFields: { name: 'NAME', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
    fields: VOLUNTEER_FIELDS,
    create: { mutation: 'createVolunteer', input: 'VolunteerInput' },
    update: { mutation: 'updateVolunteer', input: 'VolunteerInput' },
    // The team filter and a team's member list (target `teamId`) are one team of the API's `teamIds`.
    toFilter: ({ teamId, ...filter }) => ({ ...filter, ...(teamId ? { teamIds: [teamId] } : {}) }),
    toRecord: volunteerRecord,
  },
  methods: (api) => ({
    /** Volunteers of any of `teamIds` (all the viewer may see when none) whose name contains `search`, by name. */
    searchVolunteers: async ({ teamIds, search, limit = 20 }: { teamIds: string[]; search?: string; limit?: number }): Promise<Volunteer[]> => {
      const filter = { ...(teamIds.length ? { teamIds } : {}), ...(search?.trim() ? { search: search.trim() } : {}) };
      const { page } = await api.request<{ page: { nodes: any[] } }>(
        `query ($filter: VolunteerFilter, $limit: Int!) { page: volunteers(filter: $filter, limit: $limit) { nodes { ${VOLUNTEER_FIELDS} } } }`,
        { filter, limit },
      );
      return page.nodes.map(volunteerRecord).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    },
  }),
});
