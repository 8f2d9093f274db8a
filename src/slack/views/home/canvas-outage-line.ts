import type { CanvasOutage } from '../../../app/canvases/canvas-availability.js';
import { escapeText } from '../../escape.js';
import { day } from './work-lines.js';

/** Slack's reason in words an admin can act on. */
function why(reason: string): string {
  if (reason === 'missing_scope') return 'the app lacks the `canvases:write` and `canvases:read` scopes: reinstall it from `manifest.yml`';
  if (/free_team|team_tier/.test(reason)) return "this workspace's Slack plan does not let apps create canvases";
  if (reason.startsWith('canvas_disabled')) return 'canvases are turned off in this workspace';
  return `Slack does not allow this app to create or edit canvases here (\`${escapeText(reason)}\`)`;
}

/** The one line a governance admin sees in App Home while the workspace cannot have canvases. */
export function canvasOutageLine(outage: CanvasOutage, tz: string): string {
  return `:warning: *Canvases are off* since ${day(outage.since, tz)}: ${why(outage.reason)}. aigov keeps working without them and loses nothing; the register and each system's canvas are brought up to date once Slack allows them.`;
}
