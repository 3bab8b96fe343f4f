import Print from '@mui/icons-material/Print';
import QrCode2 from '@mui/icons-material/QrCode2';
import Refresh from '@mui/icons-material/Refresh';
import { Alert, Box, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { QrImage } from './QrImage';
import { signupLinkApi } from './queries';

/** A service point's check-in QR code (签到码), to show on a screen or print and put up at the point. */
export const CheckInCodeButton = ({ stationId, name }: { stationId: string; name: string }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (renew: boolean) => {
    setError(null);
    try {
      setPath((await signupLinkApi.checkInCode(stationId, renew)).path);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <Button
        label="yizhan.signup.checkin"
        onClick={() => {
          setOpen(true);
          void load(false);
        }}
        data-testid="check-in-code"
      >
        <QrCode2 />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('yizhan.signup.checkin_title', { name })}</DialogTitle>
        <DialogContent>
          {error && <Alert severity="error">{error}</Alert>}
          {!path && !error && <CircularProgress />}
          {path && (
            <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1 }}>
              <Typography variant="h6">{name}</Typography>
              <QrImage url={`${window.location.origin}${path}`} size={300} testId="check-in-qr" />
              <Typography variant="body2" sx={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>{`${window.location.origin}${path}`}</Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('yizhan.signup.checkin_help')}
              </Typography>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button label="yizhan.signup.renew" onClick={() => window.confirm(translate('yizhan.signup.renew_confirm')) && void load(true)}>
            <Refresh />
          </Button>
          <Button label="yizhan.signup.print" onClick={() => window.print()}>
            <Print />
          </Button>
          <Button label="ra.action.close" onClick={() => setOpen(false)} />
        </DialogActions>
      </Dialog>
    </>
  );
};
