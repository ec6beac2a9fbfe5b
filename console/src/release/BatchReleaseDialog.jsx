import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../api/client.js';
import { useLive } from '../api/useLive.js';
import ProblemAlert from '../components/ProblemAlert.jsx';
import { versionStateLabel } from '../components/StatusBadge.jsx';
import ReleaseSettings from './ReleaseSettings.jsx';
import { NativeSelect } from './RuleEditor.jsx';
import { newSettings, settingsProblems, settingsRequest } from './settings.js';

// A batch releases each package's highest version, which must be one of these (release-service says so too).
const BATCHABLE = new Set(['TO_BE_RELEASED', 'FINISHED_RELEASE']);
const PAGE = 100;

async function allPackages(appKey) {
  const items = [];
  for (let page = 0; ; page++) {
    const answer = await api.packages(appKey, { page, size: PAGE });
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) {
      return items;
    }
  }
}

function PackageList({ title, packages, checked, onToggle }) {
  return (
    <Paper variant="outlined" sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="subtitle2" sx={{ px: 2, pt: 1 }} id={`batch-${title}`}>{title} ({packages.length})</Typography>
      <List dense aria-labelledby={`batch-${title}`} sx={{ maxHeight: 240, overflow: 'auto' }}>
        {packages.map((p) => (
          <ListItemButton key={p.packageId} onClick={() => onToggle(p.packageId)}>
            <ListItemIcon>
              <Checkbox edge="start" checked={checked.includes(p.packageId)} tabIndex={-1}
                slotProps={{ input: { 'aria-label': `${p.packageId} ${p.name}` } }} />
            </ListItemIcon>
            <ListItemText primary={`${p.packageId} ${p.name}`} secondary={`${p.version} · ${versionStateLabel(p.state)}`} />
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}

/**
 * Several packages released with one set of settings: one task per package for its highest version on the
 * platform, all or none. A refusal lists every package that blocked it.
 */
export default function BatchReleaseDialog({ appKey, onClose, onReleased }) {
  const [platform, setPlatform] = useState('ANDROID');
  const [selected, setSelected] = useState([]);
  const [checked, setChecked] = useState([]);
  const [settings, setSettings] = useState(newSettings);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const { data: packages } = useLive(() => allPackages(appKey), [appKey], 5000);

  const candidates = (packages || []).flatMap((p) => {
    const on = (p.platforms || []).find((pl) => pl.platform === platform);
    return on && BATCHABLE.has(on.state) ? [{ packageId: p.packageId, name: p.name, version: on.highestVersion, state: on.state }] : [];
  });
  const available = candidates.filter((p) => !selected.includes(p.packageId));
  const chosen = candidates.filter((p) => selected.includes(p.packageId));
  const problems = touched ? settingsProblems(settings) : {};
  const toggle = (id) => setChecked(checked.includes(id) ? checked.filter((c) => c !== id) : [...checked, id]);
  const move = (toSelected) => {
    const moving = (toSelected ? available : chosen).map((p) => p.packageId).filter((id) => checked.includes(id));
    setSelected(toSelected ? [...selected, ...moving] : selected.filter((id) => !moving.includes(id)));
    setChecked(checked.filter((id) => !moving.includes(id)));
  };

  async function submit(event) {
    event.preventDefault();
    setTouched(true);
    setError(null);
    if (chosen.length === 0 || Object.keys(settingsProblems(settings)).length) {
      return;
    }
    setBusy(true);
    try {
      const answer = await api.createBatch(appKey, { packageIds: chosen.map((p) => p.packageId), platform,
        ...settingsRequest(settings) });
      onReleased(answer);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const blocked = error?.status === 409 ? error.problem.errors || [] : [];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <form onSubmit={submit} aria-label="batch release" noValidate>
        <DialogTitle>Batch release</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {blocked.length > 0 ? (
              <Alert severity="warning" role="alert">
                <AlertTitle>Nothing was released: {error.problem.detail}</AlertTitle>
                <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="blocking packages">
                  {blocked.map((b, i) => <li key={i}>{b.message}</li>)}
                </ul>
              </Alert>
            ) : <ProblemAlert error={error} />}
            <NativeSelect label="Platform" value={platform} sx={{ maxWidth: 200 }}
              onChange={(value) => { setPlatform(value); setSelected([]); setChecked([]); }}
              options={[{ value: 'ANDROID', label: 'Android' }, { value: 'IOS', label: 'iOS' }]} />
            <Typography variant="body2" color="text.secondary">
              Packages whose highest {platform} version is To be released or Finished release.
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'center' }}>
              <PackageList title="Packages" packages={available} checked={checked} onToggle={toggle} />
              <Stack direction={{ xs: 'row', sm: 'column' }} spacing={1}>
                <Button variant="outlined" onClick={() => move(true)} aria-label="move to selected">Add →</Button>
                <Button variant="outlined" onClick={() => move(false)} aria-label="move back">← Remove</Button>
              </Stack>
              <PackageList title="Selected" packages={chosen} checked={checked} onToggle={toggle} />
            </Stack>
            {touched && chosen.length === 0 && <Alert severity="info">Select at least one package.</Alert>}
            <Box>
              <ReleaseSettings appKey={appKey} settings={settings} onChange={setSettings} problems={problems} />
            </Box>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>Release {chosen.length || ''} selected</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
