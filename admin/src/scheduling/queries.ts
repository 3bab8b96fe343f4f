import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider';

/** Query keys of the campaign page; everything under ['scheduling', campaignId] is read again after a change. */
export const schedulingKeys = {
  all: (campaignId: string) => ['scheduling', campaignId] as const,
  fillRate: (campaignId: string) => ['scheduling', campaignId, 'fillRate'] as const,
  shift: (campaignId: string, shiftId: string) => ['scheduling', campaignId, 'shift', shiftId] as const,
  hours: (campaignId: string) => ['scheduling', campaignId, 'hours'] as const,
  teamHours: (campaignId: string) => ['scheduling', campaignId, 'teamHours'] as const,
};

export const useFillRate = (campaignId: string | undefined, enabled = true) => {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  return useQuery({
    queryKey: schedulingKeys.fillRate(campaignId ?? ''),
    queryFn: () => dataProvider.getCampaignFillRate(campaignId!),
    enabled: Boolean(campaignId) && enabled,
  });
};

/**
 * After a sign-up, a team assignment or a new plan: the fill rate, the open shift, the hours, and react-admin's
 * own caches of shifts, assignments and the campaign (filled counts, supply totals) are stale.
 */
export const invalidateScheduling = (queryClient: QueryClient, campaignId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: schedulingKeys.all(campaignId) }),
    queryClient.invalidateQueries({ queryKey: ['shifts'] }),
    queryClient.invalidateQueries({ queryKey: ['shiftAssignments'] }),
    queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
  ]);

export const useInvalidateScheduling = () => {
  const queryClient = useQueryClient();
  return (campaignId: string) => invalidateScheduling(queryClient, campaignId);
};
