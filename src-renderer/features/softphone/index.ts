export { useWorkspace } from './store';
export { connectWorkspace, answer, decline, hangUp } from './actions';
