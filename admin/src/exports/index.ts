export { AssignmentExportButton, StationExportButton } from './ExportMenuButton';
export { REPORTS_PATH, ReportsPage } from './ReportsPage';
export { exportUrl, stationFilterParam } from './exportUrl';
