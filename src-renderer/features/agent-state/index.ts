export { AgentStatePanel } from './AgentStatePanel';
