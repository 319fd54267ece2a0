export { ScreenPopPanel } from './ScreenPopPanel';
