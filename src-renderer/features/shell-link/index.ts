export { connectShellLink } from './connect';
export { ShellLinkBanner } from './ShellLinkBanner';
export { useShellLink } from './store';
