import ContentCopy from '@mui/icons-material/ContentCopy';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Button, useTranslate } from 'react-admin';

/** Copies through the Clipboard API, or (plain HTTP inside a LAN has none) by selecting the text and execCommand. */
const copyText = async (text: string, fallback: HTMLElement | null): Promise<boolean> => {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection
  }
  if (!fallback) return false;
  const range = document.createRange();
  range.selectNodeContents(fallback);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
};

/**
 * Shows a new API key's secret once, with a copy button and a warning that it cannot be shown again. Closes
 * only through its button (not the backdrop or Escape), so the key is not lost by a stray click.
 */
export const SecretDialog = ({ name, secret, onClose }: { name: string; secret: string | null; onClose: () => void }) => {
  const translate = useTranslate();
  const secretRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <Dialog open onClose={() => undefined} disableEscapeKeyDown maxWidth="md" fullWidth data-testid="api-key-secret-dialog">
      <DialogTitle>
        {translate('resources.apiKeys.actions.secret_title')} · {name}
      </DialogTitle>
      <DialogContent>
        {secret ? (
          <>
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('resources.apiKeys.actions.secret_warning')}
            </Alert>
            <Stack direction="row" spacing={1} alignItems="center">
              <Box
                component="code"
                ref={secretRef}
                data-testid="api-key-secret"
                sx={{
                  flex: 1,
                  p: 1.5,
                  borderRadius: 1,
                  bgcolor: 'action.hover',
                  fontFamily: 'monospace',
                  fontSize: 15,
                  overflowWrap: 'anywhere',
                  userSelect: 'all',
                }}
              >
                {secret}
              </Box>
              <Button
                label="resources.apiKeys.actions.copy"
                variant="outlined"
                onClick={async () => setCopied(await copyText(secret, secretRef.current))}
                data-testid="copy-api-key"
              >
                <ContentCopy />
              </Button>
            </Stack>
            {copied != null && (
              <Typography variant="body2" color={copied ? 'success.main' : 'error'} sx={{ mt: 1 }} role="status">
                {translate(copied ? 'resources.apiKeys.actions.copied' : 'resources.apiKeys.actions.copy_failed')}
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              {translate('resources.apiKeys.actions.secret_usage')}
            </Typography>
          </>
        ) : (
          <Alert severity="info">{translate('resources.apiKeys.actions.secret_replayed')}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button label="resources.apiKeys.actions.done" variant="contained" onClick={onClose} data-testid="api-key-secret-done" />
      </DialogActions>
    </Dialog>
  );
};
