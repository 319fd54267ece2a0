export { ReminderTray } from './ReminderTray';
