import { describe, expect, it } from 'vitest';
import { CanvasAnswerError, slackErrorCode } from '../../../src/slack/gateway.js';
import { CANVAS_UNAVAILABLE_ERRORS } from '../../../src/outbox/canvas-delivery.js';

describe('a canvas method that answers ok without the canvas it made', () => {
  it('counts as canvases being unavailable (logged once, skipped), not as Slack being down', () => {
    const err = new CanvasAnswerError('conversations.canvases.create');
    expect(err.message).toBe('conversations.canvases.create answered without a canvas_id');
    expect(slackErrorCode(err)).toBe('canvas_id_missing');
    expect(CANVAS_UNAVAILABLE_ERRORS.has(slackErrorCode(err)!)).toBe(true);
    expect(slackErrorCode(new Error('socket hang up'))).toBeUndefined();
  });
});
