export { ComposerPanel, REPLY_DRAFT_ID } from './ComposerPanel';
export { insertIntoReply, useComposer } from './store';
