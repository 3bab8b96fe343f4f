import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { TextArgRule } from '../common/input-rules';
import { buildDashboard } from './dashboard.service';
import { Dashboard } from './dashboard.types';

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Authorized()
  @Query(() => Dashboard, {
    description:
      'Staff (every role): the admin\'s landing page for one month, scoped by the access policy (see Dashboard). UNAUTHENTICATED without a session, FORBIDDEN for API keys, BAD_USER_INPUT on `month` for anything but YYYY-MM in 2000–2100.',
  })
  dashboard(
    @Ctx() { em, access }: Context,
    @Arg('month', () => String, { nullable: true, description: 'The month, YYYY-MM (Asia/Shanghai); default the current one.' }) @TextArgRule({ max: 7, singleLine: true }) month?: string | null,
  ): Promise<Dashboard> {
    return buildDashboard(em, access, month);
  }
}
