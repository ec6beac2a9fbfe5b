import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { useAuth } from '../api/auth.jsx';
import { mayWrite, whyNot } from '../api/permissions.js';
import { useLive } from '../api/useLive.js';
import Guarded from '../components/Guarded.jsx';
import Page from '../components/Page.jsx';
import ProblemAlert from '../components/ProblemAlert.jsx';
import { chunksOf, idsOf } from '../release/memberFile.js';

const PAGE_SIZE = 50;

function AddMembers({ appKey, whitelistId, writable, reason, onAdded }) {
  const [text, setText] = useState('');
  const [progress, setProgress] = useState(null);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const fileInput = useRef(null);

  async function send(ids, source) {
    setError(null);
    setResult(null);
    if (ids.length === 0) {
      setError({ status: 400, problem: { title: 'Nothing to add', detail: `${source} holds no id` } });
      return;
    }
    const chunks = chunksOf(ids);
    let added = 0;
    let total = null;
    setProgress({ sent: 0, of: ids.length });
    try {
      for (const chunk of chunks) {
        const answer = await api.addMembers(appKey, whitelistId, chunk.join('\n'));
        added += answer.added;
        total = answer.total;
        setProgress((p) => ({ sent: p.sent + chunk.length, of: ids.length }));
      }
      setResult(`${added.toLocaleString()} added from ${source} (${ids.length.toLocaleString()} ids, duplicates counted once); ${total.toLocaleString()} members now.`);
      setText('');
      onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  async function upload(file) {
    if (!file) return;
    const ids = idsOf(await file.text());
    fileInput.current.value = '';
    await send(ids, file.name);
  }

  const busy = progress !== null;
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>Add members</Typography>
      <Stack spacing={1.5}>
        <TextField label="Ids to add, one a line" value={text} onChange={(e) => setText(e.target.value)} multiline
          minRows={3} maxRows={10} disabled={!writable || busy} />
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
          <Guarded allowed={writable} reason={reason}>
            <Button variant="contained" disabled={!writable || busy || !text.trim()} onClick={() => send(idsOf(text), 'the pasted text')}>
              Add pasted ids
            </Button>
          </Guarded>
          <Guarded allowed={writable} reason={reason}>
            <Button variant="outlined" component="label" disabled={!writable || busy}>
              Upload a CSV or text file
              <input ref={fileInput} type="file" hidden accept=".csv,.txt,text/csv,text/plain" aria-label="member file"
                disabled={!writable || busy}
                onChange={(e) => upload(e.target.files[0])} />
            </Button>
          </Guarded>
        </Stack>
        {busy && (
          <Box role="status" aria-live="polite">
            <LinearProgress variant="determinate" value={(100 * progress.sent) / progress.of} />
            <Typography variant="body2">Sent {progress.sent.toLocaleString()} of {progress.of.toLocaleString()} ids…</Typography>
          </Box>
        )}
        {result && <Alert severity="success" role="status">{result}</Alert>}
        <ProblemAlert error={error} />
      </Stack>
    </Paper>
  );
}

export default function WhitelistPage() {
  const { appKey, whitelistId } = useParams();
  const { claims } = useAuth();
  const writable = mayWrite(claims, appKey);
  // Member pages are cursor pages: a stack of the cursors that led here lets the operator go back.
  const [cursors, setCursors] = useState([null]);
  const [checked, setChecked] = useState([]);
  const [removeError, setRemoveError] = useState(null);
  const cursor = cursors[cursors.length - 1];
  const { data: whitelists, refresh: refreshList } = useLive(() => api.whitelists(appKey), [appKey], 5000);
  const { data: page, error, refresh } = useLive(() => api.members(appKey, whitelistId, cursor, PAGE_SIZE),
    [appKey, whitelistId, cursor], 5000);
  const whitelist = whitelists?.find((w) => w.whitelistId === whitelistId);

  async function remove() {
    setRemoveError(null);
    try {
      await api.removeMembers(appKey, whitelistId, checked);
      setChecked([]);
      refresh();
      refreshList();
    } catch (e) {
      setRemoveError(e);
    }
  }

  return (
    <Page title={whitelist ? `Whitelist: ${whitelist.name}` : 'Whitelist'}
      subtitle={whitelist && `${whitelist.idType === 'USER_ID' ? 'User ids' : 'Device ids'} · ${whitelist.memberCount.toLocaleString()} members`}>
      <AddMembers appKey={appKey} whitelistId={whitelistId} writable={writable} reason={whyNot(claims, appKey)}
        onAdded={() => { refresh(); refreshList(); }} />
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>Members</Typography>
          <Guarded allowed={writable} reason={whyNot(claims, appKey)}>
            <Button color="error" variant="outlined" disabled={!writable || checked.length === 0} onClick={remove}>
              Remove {checked.length || ''} selected
            </Button>
          </Guarded>
        </Stack>
        <ProblemAlert error={error || removeError} />
        <List dense aria-label="members">
          {(page?.ids || []).map((id) => (
            <ListItem key={id} disablePadding>
              <ListItemIcon>
                <Checkbox edge="start" checked={checked.includes(id)} disabled={!writable}
                  onChange={() => setChecked(checked.includes(id) ? checked.filter((c) => c !== id) : [...checked, id])}
                  slotProps={{ input: { 'aria-label': `select ${id}` } }} />
              </ListItemIcon>
              <ListItemText primary={id} />
            </ListItem>
          ))}
          {page && page.ids.length === 0 && <Typography color="text.secondary">No member on this page.</Typography>}
        </List>
        <Stack direction="row" spacing={1}>
          <Button disabled={cursors.length === 1} onClick={() => { setCursors(cursors.slice(0, -1)); setChecked([]); }}>
            Previous page
          </Button>
          <Button disabled={!page?.nextCursor} onClick={() => { setCursors([...cursors, page.nextCursor]); setChecked([]); }}>
            Next page
          </Button>
          <Typography variant="body2" sx={{ alignSelf: 'center' }}>page {cursors.length}</Typography>
        </Stack>
      </Paper>
    </Page>
  );
}
