import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../api/client.js';
import { uploadVersion } from '../api/upload.js';
import ProblemAlert from '../components/ProblemAlert.jsx';
import { NativeSelect } from '../release/RuleEditor.jsx';

const VERSION = /^\d+(\.\d+)*(-[0-9A-Za-z.-]+)?$/;
const FIELDS = ['version', 'platform', 'clientVersionMin', 'clientVersionMax', 'downloadUrl', 'sha256', 'sizeBytes',
  'mainUrl', 'fallbackBaseUrl', 'file'];
const MAX_SIZE_BYTES = 10 * 1024 * 1024 * 1024;
/** package-service's default upload limit (rollgate.files.max-size); a larger file is refused with 413 anyway. */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

function absoluteUrlProblem(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'must be an http or https address';
  } catch {
    return 'must be an absolute http or https address';
  }
}

function compareVersions(a, b) {
  const pa = a.split('-')[0].split('.').map(Number);
  const pb = b.split('-')[0].split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The checks package-service makes that need no stored state, so that most mistakes show before sending. */
function problemsOf(form, existing, mode, file) {
  const p = {};
  if (!VERSION.test(form.version)) {
    p.version = 'a dotted numeric version, e.g. 1.0.2';
  } else {
    const higher = existing.filter((v) => v.platform === form.platform && compareVersions(v.version, form.version) >= 0);
    if (higher.length) {
      p.version = `must be higher than ${higher.map((v) => v.version).join(', ')} on ${form.platform}`;
    }
  }
  if (!VERSION.test(form.clientVersionMin)) {
    p.clientVersionMin = 'a dotted numeric app version, e.g. 10.0';
  }
  if (form.clientVersionMax) {
    if (!VERSION.test(form.clientVersionMax)) {
      p.clientVersionMax = 'a dotted numeric app version, or empty for no upper bound';
    } else if (VERSION.test(form.clientVersionMin) && compareVersions(form.clientVersionMin, form.clientVersionMax) > 0) {
      p.clientVersionMax = 'must not be lower than the minimum';
    }
  }
  if (mode === 'upload') {
    if (!file) p.file = 'choose the package zip';
    else if (file.size > MAX_UPLOAD_BYTES) p.file = `the zip has ${(file.size / 1048576).toFixed(1)} MB; at most 200 MB are accepted`;
  } else {
    const download = absoluteUrlProblem(form.downloadUrl);
    if (download) p.downloadUrl = download;
    if (!/^[0-9a-fA-F]{64}$/.test(form.sha256)) p.sha256 = 'must be 64 hexadecimal characters';
    const size = Number(form.sizeBytes);
    if (!Number.isInteger(size) || size <= 0 || size > MAX_SIZE_BYTES) p.sizeBytes = 'bytes: a whole number above 0, at most 10 GiB';
  }
  if (form.mainUrl && !form.mainUrl.startsWith('/') && absoluteUrlProblem(form.mainUrl)) {
    p.mainUrl = 'a path starting with / or an absolute http(s) address';
  }
  if (form.fallbackBaseUrl && absoluteUrlProblem(form.fallbackBaseUrl)) {
    p.fallbackBaseUrl = absoluteUrlProblem(form.fallbackBaseUrl);
  }
  return p;
}

export default function AddVersionDialog({ appKey, pkg, onClose, onAdded }) {
  const [form, setForm] = useState({ version: '', platform: 'ANDROID', clientVersionMin: '', clientVersionMax: '',
    downloadUrl: '', sha256: '', sizeBytes: '', mainUrl: '/index.html', fallbackBaseUrl: '' });
  const [touched, setTouched] = useState({});
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState('upload');
  const [file, setFile] = useState(null);
  const [sent, setSent] = useState(null);
  const local = problemsOf(form, pkg.versions || [], mode, file);
  const server = error?.fieldErrors?.() || {};
  const problem = (field) => server[field] || ((submitted || touched[field]) && local[field]) || null;
  const field = (name, label, help, extra = {}) => (
    <TextField label={label} value={form[name]} required={extra.required}
      onChange={(e) => { setForm({ ...form, [name]: e.target.value }); setError(null); }}
      onBlur={() => setTouched({ ...touched, [name]: true })}
      error={!!problem(name)} helperText={problem(name) || help} {...extra} />
  );

  async function submit(event) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length) {
      return;
    }
    const body = { version: form.version, platform: form.platform, clientVersionMin: form.clientVersionMin };
    for (const optional of ['clientVersionMax', 'mainUrl', 'fallbackBaseUrl']) {
      if (form[optional].trim()) body[optional] = form[optional].trim();
    }
    setBusy(true);
    try {
      if (mode === 'upload') {
        setSent(0);
        await uploadVersion(appKey, pkg.packageId, body, file, (loaded, total) => setSent(total ? loaded / total : 0));
      } else {
        await api.addVersion(appKey, pkg.packageId,
          { ...body, downloadUrl: form.downloadUrl, sha256: form.sha256, sizeBytes: Number(form.sizeBytes) });
      }
      onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setSent(null);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <form onSubmit={submit} aria-label="add version" noValidate>
        <DialogTitle>Add a version to {pkg.name} ({pkg.packageId})</DialogTitle>
        <DialogContent>
          <ProblemAlert error={error} shownFields={FIELDS} />
          <Box sx={{ display: 'grid', gap: 2, pt: 1, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
            {field('version', 'Version', 'higher than every earlier version on the platform', { required: true, autoFocus: true })}
            <NativeSelect label="Platform" value={form.platform} onChange={(value) => setForm({ ...form, platform: value })}
              options={[{ value: 'ANDROID', label: 'Android' }, { value: 'IOS', label: 'iOS' }]} />
            {field('clientVersionMin', 'Lowest app version', 'the oldest app that can run it', { required: true })}
            {field('clientVersionMax', 'Highest app version', 'optional upper bound')}
            <ToggleButtonGroup exclusive size="small" value={mode} sx={{ gridColumn: { sm: 'span 2' } }}
              onChange={(e, value) => { if (value) { setMode(value); setError(null); } }} aria-label="package file">
              <ToggleButton value="upload">Upload the zip</ToggleButton>
              <ToggleButton value="external">Files hosted elsewhere</ToggleButton>
            </ToggleButtonGroup>
            {mode === 'upload' ? (
              <Box sx={{ gridColumn: { sm: 'span 2' } }}>
                <Button variant="outlined" component="label">
                  Choose zip…
                  <input hidden type="file" accept=".zip,application/zip" aria-label="package zip"
                    onChange={(e) => { setFile(e.target.files[0] || null); setError(null); }} />
                </Button>
                <Typography component="span" sx={{ ml: 2 }} color={problem('file') ? 'error' : 'text.secondary'}>
                  {problem('file') || (file ? `${file.name}, ${file.size.toLocaleString()} bytes` : 'the server checks it, computes its hash, stores it, makes diffs from earlier versions and signs it')}
                </Typography>
                {sent !== null && <LinearProgress variant="determinate" value={Math.round(sent * 100)} sx={{ mt: 1 }} aria-label="upload progress" />}
              </Box>
            ) : (
              <>
                {field('downloadUrl', 'Download URL', 'where the SDK fetches the zip', { required: true, sx: { gridColumn: { sm: 'span 2' } } })}
                {field('sha256', 'SHA-256', 'of the zip, 64 hex characters', { required: true, sx: { gridColumn: { sm: 'span 2' } } })}
                {field('sizeBytes', 'Size in bytes', 'of the zip', { required: true, type: 'number' })}
              </>
            )}
            {field('mainUrl', 'Main URL', 'the entry page inside the package')}
            {field('fallbackBaseUrl', 'Fallback base URL', 'online pages used when the package is missing', { sx: { gridColumn: { sm: 'span 2' } } })}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>{busy && mode === 'upload' ? 'Uploading…' : 'Add version'}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
