export { KnowledgePanel, KB_SEARCH_ID } from './KnowledgePanel';
