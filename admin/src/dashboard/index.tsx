import { CircularProgress } from '@mui/material';
import { lazy, Suspense } from 'react';

// The charts (ECharts) and the page itself load only when the dashboard is shown.
const DashboardPage = lazy(() => import('./DashboardPage'));

/** The admin's landing page (react-admin `dashboard`), loaded on demand. */
export const Dashboard = () => (
  <Suspense fallback={<CircularProgress sx={{ m: 4 }} />}>
    <DashboardPage />
  </Suspense>
);
