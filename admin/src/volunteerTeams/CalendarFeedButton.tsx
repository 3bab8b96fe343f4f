import EventRepeat from '@mui/icons-material/EventRepeat';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider';

/**
 * A new secret iCalendar URL for a team's or a volunteer's shifts (rotateTeamCalendar / rotateVolunteerCalendar).
 * The API never shows the current one, so the button always makes a new one (the old link stops working).
 */
export const CalendarFeedButton = ({ kind }: { kind: 'team' | 'volunteer' }) => {
  const record = useRecordContext<{ id: string; name: string }>();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const rotate = useMutation({
    mutationFn: (id: string) => dataProvider.rotateCalendar(kind, id),
    onSuccess: (path) => setUrl(new URL(path, window.location.origin).toString()),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => setConfirming(false),
  });
  if (!record) return null;
  return (
    <>
      <Button label="yizhan.scheduling.calendarFeed.rotate" onClick={() => setConfirming(true)} data-testid="rotate-calendar">
        <EventRepeat />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={rotate.isPending}
        title="yizhan.scheduling.calendarFeed.rotate_title"
        titleTranslateOptions={{ name: record.name }}
        content="yizhan.scheduling.calendarFeed.rotate_content"
        onConfirm={() => rotate.mutate(record.id)}
        onClose={() => setConfirming(false)}
      />
      <Dialog open={url != null} onClose={() => setUrl(null)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('yizhan.scheduling.calendarFeed.title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('yizhan.scheduling.calendarFeed.usage')}
          </Typography>
          <TextField fullWidth value={url ?? ''} slotProps={{ htmlInput: { readOnly: true, style: { fontFamily: 'monospace' } } }} data-testid="calendar-url" />
          <Alert severity="warning" sx={{ mt: 2 }}>
            {translate('yizhan.scheduling.calendarFeed.secret')}
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={() => setUrl(null)} />
        </DialogActions>
      </Dialog>
    </>
  );
};
