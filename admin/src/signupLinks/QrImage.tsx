import { Box, CircularProgress } from '@mui/material';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `url` as a PNG data URL (the `qrcode` library; the CSP allows data: images), with a save link name. */
export const QrImage = ({ url, size = 220, testId }: { url: string; size?: number; testId?: string }) => {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { width: size * 2, margin: 2, errorCorrectionLevel: 'M' }).then((d) => live && setSrc(d));
    return () => {
      live = false;
    };
  }, [url, size]);
  return src ? (
    <Box component="img" src={src} alt={url} data-testid={testId} data-url={url} sx={{ width: size, height: size, display: 'block', imageRendering: 'pixelated' }} />
  ) : (
    <CircularProgress size={24} />
  );
};

/** The same QR code as a PNG data URL, for a download link. */
export const qrDataUrl = (url: string) => QRCode.toDataURL(url, { width: 720, margin: 4, errorCorrectionLevel: 'M' });
