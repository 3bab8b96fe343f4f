import AddLink from '@mui/icons-material/AddLink';
import ContentCopy from '@mui/icons-material/ContentCopy';
import Download from '@mui/icons-material/Download';
import LinkOff from '@mui/icons-material/LinkOff';
import { Alert, Box, Card, CardContent, Chip, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { formatInstant } from '../scheduling/time';
import type { Campaign } from '../records';
import { qrDataUrl, QrImage } from './QrImage';
import { signupLinkApi, type SignupLinkRow } from './queries';

const absolute = (path: string) => `${window.location.origin}${path}`;

const LinkCard = ({ link, campaign }: { link: SignupLinkRow; campaign: Campaign }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const client = useQueryClient();
  const url = absolute(link.path);
  const revoke = useMutation({
    mutationFn: () => signupLinkApi.revoke(link.id),
    onSuccess: () => {
      notify('yizhan.signup.revoked', { type: 'info' });
      void client.invalidateQueries({ queryKey: ['signupLinks', campaign.id] });
    },
    onError: (e) => notify((e as Error).message, { type: 'error' }),
  });
  const copy = async () => {
    await navigator.clipboard.writeText(url).catch(() => undefined);
    notify('yizhan.signup.copied', { type: 'info' });
  };
  const download = async () => {
    const a = document.createElement('a');
    a.href = await qrDataUrl(url);
    a.download = `${campaign.name}-报名二维码.png`;
    a.click();
  };
  return (
    <Card variant="outlined" data-testid="signup-link" sx={{ opacity: link.active ? 1 : 0.6 }}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} gap={2} alignItems={{ sm: 'center' }}>
          {link.active && <QrImage url={url} size={180} testId="signup-qr" />}
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap" sx={{ mb: 1 }}>
              <Chip size="small" color={link.active ? 'success' : 'default'} label={translate(link.active ? 'yizhan.signup.active' : 'yizhan.signup.inactive')} />
              {link.team && <Chip size="small" variant="outlined" label={link.team.name} />}
              <Typography variant="body2" color="text.secondary">
                {translate('yizhan.signup.registrations', { count: link.registrations })}
              </Typography>
            </Stack>
            <Typography variant="body2" sx={{ wordBreak: 'break-all', fontFamily: 'monospace' }} data-testid="signup-url">
              {url}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {link.revokedAt
                ? translate('yizhan.signup.revoked_at', { at: formatInstant(link.revokedAt, campaign.timezone) })
                : link.expiresAt
                  ? translate('yizhan.signup.expires_at', { at: formatInstant(link.expiresAt, campaign.timezone) })
                  : ''}
            </Typography>
            {link.active && (
              <Stack direction="row" gap={1} sx={{ mt: 1 }} flexWrap="wrap">
                <Button label="yizhan.signup.copy" onClick={copy} variant="outlined">
                  <ContentCopy />
                </Button>
                <Button label="yizhan.signup.download" onClick={download} variant="outlined">
                  <Download />
                </Button>
                <Button
                  label="yizhan.signup.revoke"
                  color="error"
                  onClick={() => window.confirm(translate('yizhan.signup.revoke_confirm')) && revoke.mutate()}
                  disabled={revoke.isPending}
                  data-testid="revoke-link"
                >
                  <LinkOff />
                </Button>
              </Stack>
            )}
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** 报名链接: a campaign's sign-up links with their QR codes (for a WeChat group), copy, save and revoke. */
export const SignupLinksPanel = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const client = useQueryClient();
  const [teamId, setTeamId] = useState('');
  const [expires, setExpires] = useState('');
  const { data, isPending, error } = useQuery({ queryKey: ['signupLinks', campaign.id], queryFn: () => signupLinkApi.list(campaign.id) });
  const create = useMutation({
    mutationFn: () => signupLinkApi.create(campaign.id, teamId || null, expires ? new Date(expires).toISOString() : null),
    onSuccess: () => {
      notify('yizhan.signup.created', { type: 'success' });
      setExpires('');
      void client.invalidateQueries({ queryKey: ['signupLinks', campaign.id] });
    },
    onError: (e) => notify((e as Error).message, { type: 'error' }),
  });
  return (
    <Box data-testid="signup-links">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('yizhan.signup.help')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} gap={2} alignItems={{ md: 'center' }} sx={{ mb: 2 }}>
        <TextField select size="small" label={translate('yizhan.signup.team')} value={teamId} onChange={(e) => setTeamId(e.target.value)} sx={{ minWidth: 240 }}>
          <MenuItem value="">{translate('yizhan.signup.no_team')}</MenuItem>
          {campaign.teams.map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="datetime-local"
          label={translate('yizhan.signup.expires')}
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ minWidth: 280 }}
        />
        <Button label="yizhan.signup.create" variant="contained" onClick={() => create.mutate()} disabled={create.isPending} data-testid="create-signup-link" sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
          <AddLink />
        </Button>
      </Stack>
      {isPending && <CircularProgress />}
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {data?.length === 0 && <Typography color="text.secondary">{translate('yizhan.signup.empty')}</Typography>}
      <Stack gap={2}>
        {data?.map((l) => (
          <LinkCard key={l.id} link={l} campaign={campaign} />
        ))}
      </Stack>
    </Box>
  );
};
