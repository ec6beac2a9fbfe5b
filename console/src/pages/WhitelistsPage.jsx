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
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { useAuth } from '../api/auth.jsx';
import { mayWrite, whyNot } from '../api/permissions.js';
import { useLive } from '../api/useLive.js';
import Guarded from '../components/Guarded.jsx';
import Page from '../components/Page.jsx';
import { EmptyRow } from '../components/PagedTable.jsx';
import ProblemAlert from '../components/ProblemAlert.jsx';
import { NativeSelect } from '../release/RuleEditor.jsx';

function NewWhitelistDialog({ appKey, onClose }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [idType, setIdType] = useState('USER_ID');
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState(null);
  const server = error?.fieldErrors?.() || {};
  const nameProblem = server.name || (submitted && !name.trim() ? 'required' : null)
    || (name.length > 128 ? 'at most 128 characters' : null);

  async function submit(event) {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || name.length > 128) return;
    try {
      const created = await api.createWhitelist(appKey, { name: name.trim(), idType });
      navigate(`/apps/${appKey}/whitelists/${created.whitelistId}`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} aria-label="new whitelist" noValidate>
        <DialogTitle>New whitelist</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ProblemAlert error={error} shownFields={['name', 'idType']} />
            <TextField label="Whitelist name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus
              error={!!nameProblem} helperText={nameProblem || 'e.g. beta testers'} />
            <NativeSelect label="Id type" value={idType} onChange={setIdType}
              options={[{ value: 'USER_ID', label: 'User ids' }, { value: 'DEVICE_ID', label: 'Device ids' }]} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">Create whitelist</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export default function WhitelistsPage() {
  const { appKey } = useParams();
  const { claims } = useAuth();
  const [creating, setCreating] = useState(false);
  const { data, error } = useLive(() => api.whitelists(appKey), [appKey], 5000);
  const writable = mayWrite(claims, appKey);
  return (
    <Page title="Whitelists" subtitle={`App ${appKey}: users or devices a grayscale release can be limited to`}
      actions={
        <Guarded allowed={writable} reason={whyNot(claims, appKey)}>
          <Button variant="contained" disabled={!writable} onClick={() => setCreating(true)}>New whitelist</Button>
        </Guarded>
      }>
      <ProblemAlert error={error} />
      <Paper>
        <Table aria-label="whitelists">
          <TableHead>
            <TableRow><TableCell>Name</TableCell><TableCell>Id type</TableCell><TableCell align="right">Members</TableCell><TableCell>Updated</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {(data || []).map((w) => (
              <TableRow key={w.whitelistId} hover>
                <TableCell><Link component={RouterLink} to={`/apps/${appKey}/whitelists/${w.whitelistId}`}>{w.name}</Link></TableCell>
                <TableCell>{w.idType === 'USER_ID' ? 'User ids' : 'Device ids'}</TableCell>
                <TableCell align="right">{w.memberCount.toLocaleString()}</TableCell>
                <TableCell>{new Date(w.updatedAt).toLocaleString()}</TableCell>
              </TableRow>
            ))}
            {data && data.length === 0 && (
              <EmptyRow columns={4}>No whitelist yet.</EmptyRow>
            )}
          </TableBody>
        </Table>
      </Paper>
      {creating && <NewWhitelistDialog appKey={appKey} onClose={() => setCreating(false)} />}
    </Page>
  );
}
