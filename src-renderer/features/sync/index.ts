export { SyncBadge, SyncDecisions } from './SyncBadge';
export { useSync } from './store';
