export { ComposerPanel } from './ComposerPanel';
export { REPLY_DRAFT_ID } from './DraftEditor';
export { nextTemplate, readWorkOrderFactsFrom } from './actions';
export { insertIntoReply, useComposer } from './store';
