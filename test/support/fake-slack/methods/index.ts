import type { SlackArgs } from '../request-body.js';
import type { ApiAnswer, FakeState } from '../state.js';
import * as canvases from './canvases.js';
import * as chat from './chat.js';
import * as directory from './directory.js';
import * as files from './files.js';
import * as functions from './functions.js';
import * as views from './views.js';

type MethodHandler = (state: FakeState, args: SlackArgs) => ApiAnswer;

export const WEB_API_METHODS: Readonly<Record<string, MethodHandler>> = {
  'auth.test': directory.authTest,
  'apps.connections.open': (state) => directory.appsConnectionsOpen(state),
  'chat.postMessage': chat.postMessage,
  'chat.update': chat.update,
  'chat.delete': chat.deleteMessage,
  'chat.postEphemeral': chat.postEphemeral,
  'chat.getPermalink': chat.getPermalink,
  'conversations.open': directory.conversationsOpen,
  'users.info': directory.usersInfo,
  'views.open': views.open,
  'views.push': views.push,
  'views.update': views.update,
  'views.publish': views.publish,
  'files.getUploadURLExternal': files.getUploadUrlExternal,
  'files.completeUploadExternal': files.completeUploadExternal,
  'files.info': files.info,
  'functions.completeSuccess': functions.completeSuccess,
  'functions.completeError': functions.completeError,
  'conversations.canvases.create': canvases.conversationsCanvasesCreate,
  'canvases.create': canvases.canvasesCreate,
  'canvases.edit': canvases.canvasesEdit,
  'canvases.sections.lookup': canvases.canvasesSectionsLookup,
  'canvases.access.set': canvases.canvasesAccessSet,
};
