export { ReportsDialog } from './ReportsDialog';
export { MyDayButton, TeamReportsButton } from './ReportButtons';
