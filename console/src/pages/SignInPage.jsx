import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../api/client.js';
import { useAuth } from '../api/auth.jsx';
import { claimsOf } from '../api/session.js';

export default function SignInPage() {
  const { signIn, signOut, signedOutBecause } = useAuth();
  const [token, setToken] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setError(null);
    try {
      const claims = claimsOf(token);
      if (claims.expiresAt && claims.expiresAt < new Date()) {
        setError(`this token expired at ${claims.expiresAt.toLocaleString()}`);
        return;
      }
    } catch (e) {
      setError(e.message);
      return;
    }
    setBusy(true);
    signIn(token);
    try {
      // The first call proves the token to the gateway; a 401 signs out again with the reason.
      await api.apps();
    } catch (e) {
      if (e.status !== 401) {
        signOut(null);
        setError(e.message);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Paper component="form" onSubmit={submit} sx={{ p: 3, width: '100%', maxWidth: 560 }} aria-label="sign in">
        <Stack spacing={2}>
          <Typography variant="h5" component="h1">Rollgate console</Typography>
          <Typography variant="body2" color="text.secondary">
            Paste a console token: the one <code>deploy/local/up</code> prints, or one from{' '}
            <code>deploy/local/token</code>. It is kept for this browser tab only.
          </Typography>
          {signedOutBecause && <Alert severity="warning">{signedOutBecause}</Alert>}
          {error && <Alert severity="error" role="alert">{error}</Alert>}
          <TextField label="Token" type="password" value={token} onChange={(e) => setToken(e.target.value)} required
            autoFocus autoComplete="off" helperText="Enter signs in" />
          <Button type="submit" variant="contained" disabled={busy || !token.trim()}>Sign in</Button>
        </Stack>
      </Paper>
    </Box>
  );
}
