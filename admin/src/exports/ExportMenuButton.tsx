import Download from '@mui/icons-material/Download';
import { ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { Button, useListContext, useTranslate } from 'react-admin';
import { useExportDownload } from './download';
import { exportUrl, stationFilterParam, type ExportFormat, type ExportReport } from './exportUrl';

interface Choice {
  report: ExportReport;
  format: ExportFormat;
}

/**
 * A toolbar button with a menu of downloads (Excel, CSV, …) of the list as it is filtered now: every row the
 * viewer may see, streamed by the API, not only the page shown. A refused export is a translated notification.
 */
const ExportMenu = ({ choices, args, testId }: { choices: Choice[]; args: Record<string, unknown>; testId: string }) => {
  const translate = useTranslate();
  const download = useExportDownload();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button label="yizhan.exports.button" onClick={(e) => setAnchor(e.currentTarget)} data-testid={testId}>
        <Download />
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {choices.map((c) => (
          <MenuItem
            key={`${c.report}.${c.format}`}
            component="a"
            href={exportUrl(c.report, c.format, args)}
            download
            onClick={(e: React.MouseEvent) => {
              e.preventDefault();
              setAnchor(null);
              void download(exportUrl(c.report, c.format, args));
            }}
            data-testid={`export-${c.report}-${c.format}`}
          >
            <ListItemText primary={translate(`yizhan.exports.formats.${c.report}_${c.format}`)} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

/** Exports of the station list with its current filters: Excel, CSV, GeoJSON (WGS-84) and Open Referral HSDS. */
export const StationExportButton = () => {
  const { filterValues } = useListContext();
  const filter = stationFilterParam(filterValues);
  return (
    <ExportMenu
      testId="export-stations"
      args={{ filter }}
      choices={(['xlsx', 'csv', 'geojson', 'hsds'] as const).map((format) => ({ report: 'stations', format }))}
    />
  );
};

/** Exports of the sign-up list with its current filters: the sign-ups, and the volunteer hours they add up to. */
export const AssignmentExportButton = () => {
  const { filterValues } = useListContext();
  const { campaignId, status, volunteerId, shiftId } = filterValues ?? {};
  // The list's filter as the API's `ShiftAssignmentFilter` (its one-status choice is `statuses`).
  const filter = Object.fromEntries(
    Object.entries({ campaignId, volunteerId, shiftId, statuses: status ? [status] : undefined }).filter(([, v]) => v != null && v !== ''),
  );
  return (
    <ExportMenu
      testId="export-signups"
      args={{ filter }}
      choices={[
        { report: 'signups', format: 'xlsx' },
        { report: 'signups', format: 'csv' },
        { report: 'hours', format: 'xlsx' },
        { report: 'hours', format: 'csv' },
      ]}
    />
  );
};
