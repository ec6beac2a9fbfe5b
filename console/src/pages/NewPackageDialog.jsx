import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client.js';
import ProblemAlert from '../components/ProblemAlert.jsx';
import { NativeSelect } from '../release/RuleEditor.jsx';

const FIELDS = ['packageId', 'name', 'description', 'type', 'vhost'];

function problemsOf(form) {
  const problems = {};
  if (!/^\d{8}$/.test(form.packageId)) {
    problems.packageId = 'must be 8 digits';
  }
  if (!form.name.trim()) {
    problems.name = 'required';
  }
  if (form.vhost && !/^[A-Za-z0-9.-]{1,253}$/.test(form.vhost)) {
    problems.vhost = 'a host name, such as m.example.com';
  }
  return problems;
}

export default function NewPackageDialog({ appKey, onClose, onCreated }) {
  const navigate = useNavigate();
  const [form, setForm] = useState({ packageId: '', name: '', description: '', type: 'NORMAL', vhost: '' });
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState(null);
  const problems = { ...(touched ? problemsOf(form) : {}), ...(error?.fieldErrors?.() || {}) };
  const set = (field) => (e) => { setForm({ ...form, [field]: e.target ? e.target.value : e }); setError(null); };

  async function submit(event) {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problemsOf(form)).length) {
      return;
    }
    const body = { packageId: form.packageId, name: form.name.trim(), type: form.type };
    if (form.description.trim()) body.description = form.description.trim();
    if (form.vhost.trim()) body.vhost = form.vhost.trim();
    try {
      const created = await api.createPackage(appKey, body);
      onCreated(created);
      navigate(`/apps/${appKey}/packages/${created.packageId}`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} aria-label="new package" noValidate>
        <DialogTitle>New package</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ProblemAlert error={error} shownFields={FIELDS} />
            <TextField label="Package id" value={form.packageId} onChange={set('packageId')} required autoFocus
              error={!!problems.packageId} helperText={problems.packageId || '8 digits, e.g. 20000003'} />
            <TextField label="Name" value={form.name} onChange={set('name')} required error={!!problems.name}
              helperText={problems.name || ' '} />
            <TextField label="Description" value={form.description} onChange={set('description')}
              error={!!problems.description} helperText={problems.description || ' '} />
            <NativeSelect label="Type" value={form.type} onChange={set('type')}
              options={[{ value: 'NORMAL', label: 'Normal' }, { value: 'GLOBAL', label: 'Global (shared by other packages)' }]} />
            <TextField label="Virtual host" value={form.vhost} onChange={set('vhost')} error={!!problems.vhost}
              helperText={problems.vhost || 'the host whose pages this package serves offline (optional)'} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">Create package</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
