export { AgentStatePanel, useLabel } from './AgentStatePanel';
