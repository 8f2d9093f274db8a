import type { Origin } from '../../../app/context.js';
import { loadHome } from '../../../app/home/load-home.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import { buildHomeView } from '../../views/home/home-view.js';

/**
 * Draws a user's Home tab from the current state. Publishing replaces the whole view, so doing it twice
 * (a Slack retry of app_home_opened, a refresh after a change) leaves the same tab: nothing to deduplicate.
 */
export async function publishHome(deps: SlackDeps, userId: string, origin: Origin): Promise<void> {
  const home = await loadHome({ ctx: contextFor(deps, userId, origin) });
  await deps.gateway.publishHome(userId, buildHomeView(home));
}
