import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { api } from '../api/client.js';
import { useAuth } from '../api/auth.jsx';
import { mayAdminister } from '../api/permissions.js';
import { useLive } from '../api/useLive.js';
import Guarded from '../components/Guarded.jsx';
import Page from '../components/Page.jsx';
import { EmptyRow } from '../components/PagedTable.jsx';
import ProblemAlert from '../components/ProblemAlert.jsx';

const APP_KEY = /^[a-z0-9][a-z0-9-]{1,62}$/;

function NewAppDialog({ open, onClose, onCreated }) {
  const [appKey, setAppKey] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState(null);
  const [touched, setTouched] = useState(false);
  const keyProblem = appKey && !APP_KEY.test(appKey)
    ? '2 to 63 characters: lower-case letters, digits and dashes, not starting with a dash' : null;
  const serverErrors = error?.fieldErrors?.() || {};

  async function submit(event) {
    event.preventDefault();
    setTouched(true);
    if (keyProblem || !appKey || !name.trim()) {
      return;
    }
    try {
      const app = await api.createApp({ appKey, name: name.trim() });
      onCreated(app);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} aria-label="register an app" noValidate>
        <DialogTitle>Register an app</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ProblemAlert error={error} shownFields={['appKey', 'name']} />
            <TextField label="App key" value={appKey} onChange={(e) => setAppKey(e.target.value)} required autoFocus
              error={!!(keyProblem || serverErrors.appKey || (touched && !appKey))}
              helperText={keyProblem || serverErrors.appKey || 'how SDKs name the app, e.g. shop-android'} />
            <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required
              error={!!(serverErrors.name || (touched && !name.trim()))}
              helperText={serverErrors.name || (touched && !name.trim() ? 'required' : ' ')} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">Register</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export default function AppsPage() {
  const { claims } = useAuth();
  const { data: apps, error, refresh } = useLive(() => api.apps(), [], 10000);
  const [creating, setCreating] = useState(false);
  const admin = mayAdminister(claims);
  return (
    <Page title="Apps" subtitle="The apps your token names; pick one to manage its offline packages."
      actions={
        <Guarded allowed={admin} reason="only an admin token registers apps">
          <Button variant="contained" disabled={!admin} onClick={() => setCreating(true)}>Register app</Button>
        </Guarded>
      }>
      <ProblemAlert error={error} />
      <Paper>
        <Table aria-label="apps">
          <TableHead>
            <TableRow><TableCell>App key</TableCell><TableCell>Name</TableCell><TableCell>Registered</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {(apps || []).map((app) => (
              <TableRow key={app.appKey} hover>
                <TableCell>
                  <Link component={RouterLink} to={`/apps/${app.appKey}/packages`}>{app.appKey}</Link>
                </TableCell>
                <TableCell>{app.name}</TableCell>
                <TableCell>{new Date(app.createdAt).toLocaleString()}</TableCell>
              </TableRow>
            ))}
            {apps && apps.length === 0 && (
              <EmptyRow columns={3}>No app yet.</EmptyRow>
            )}
          </TableBody>
        </Table>
      </Paper>
      {creating && (
        <NewAppDialog open onClose={() => setCreating(false)}
          onCreated={() => { setCreating(false); refresh(); }} />
      )}
    </Page>
  );
}
