export { CallBar } from './CallBar';
