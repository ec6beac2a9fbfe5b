import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import Page from '../components/Page.jsx';
import ProblemAlert from '../components/ProblemAlert.jsx';
import { NativeSelect } from '../release/RuleEditor.jsx';
import { OPERATORS } from '../release/settings.js';

const CONTEXT_FIELDS = [
  ['clientVersion', 'App version', 'required, e.g. 10.2.0'],
  ['userId', 'User id', ''],
  ['deviceId', 'Device id', ''],
  ['city', 'City', ''],
  ['model', 'Device model', ''],
  ['network', 'Network', 'e.g. WIFI'],
  ['osVersion', 'OS version', ''],
];

function attributesOf(text) {
  const attributes = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf('=');
    if (at > 0) attributes[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return attributes;
}

function audienceText(audience) {
  if (!audience) return '—';
  if (audience.mode === 'WHITELIST') {
    return (audience.whitelists || []).map((w) => `${w.idType} ${w.clientId ?? '(none)'}: ${w.member ? 'member' : 'not a member'}`).join('; ');
  }
  return Object.entries(audience).filter(([k]) => k !== 'mode').map(([k, v]) => `${k} ${v}`).join(', ') || audience.mode;
}

function PackageReport({ report }) {
  return (
    <Paper sx={{ p: 2 }} data-package={report.packageId} aria-label={`package ${report.packageId}`} role="region">
      <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h6" component="h2">{report.packageId}</Typography>
        <Typography data-chosen>
          {report.chosen ? `gets ${report.chosen.version} (${report.chosen.releaseType.toLowerCase()})` : 'gets nothing'}
        </Typography>
        <Typography variant="body2" color="text.secondary">baseline {report.baseline || 'none'}</Typography>
      </Stack>
      <Typography variant="body2" sx={{ mb: 1 }}>Why: {report.reason}</Typography>
      {report.tasks.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={`tasks of ${report.packageId}`}>
            <TableHead>
              <TableRow><TableCell>Version</TableCell><TableCell>Outcome</TableCell><TableCell>Rules</TableCell><TableCell>Audience</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {report.tasks.map((t) => (
                <TableRow key={t.taskId}>
                  <TableCell>{t.version} {t.releaseType.toLowerCase()}{t.paused ? ' (paused)' : ''}</TableCell>
                  <TableCell><Chip size="small" label={t.outcome} color={t.outcome === 'MATCHED' ? 'success' : 'default'} /></TableCell>
                  <TableCell>
                    {(t.rules || []).length === 0 ? 'none' : t.rules.map((r, i) => (
                      <div key={i}>
                        <Chip size="small" variant="outlined" color={r.passed ? 'success' : 'error'} label={r.passed ? 'pass' : 'fail'} />{' '}
                        {r.type === 'CUSTOM' ? `attr.${r.attribute}` : r.type} {OPERATORS.find((o) => o.value === r.operator)?.label}{' '}
                        {r.values.join(', ')}{r.inverted ? ' (inverted)' : ''}: client has {r.clientValue ?? 'nothing'}
                      </div>
                    ))}
                  </TableCell>
                  <TableCell>{audienceText(t.audience)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}

/** Asks the gateway what one client would get and why; it claims no slot and writes nothing. */
export default function SimulatePage() {
  const { appKey } = useParams();
  const [context, setContext] = useState({ platform: 'ANDROID', clientVersion: '', userId: '', deviceId: '', city: '',
    model: '', network: '', osVersion: '', attributes: '', packageIds: '' });
  const [at, setAt] = useState(null);
  const [answer, setAnswer] = useState(null);
  const [error, setError] = useState(null);
  const [submitted, setSubmitted] = useState(false);
  const server = error?.fieldErrors?.() || {};
  const set = (field) => (e) => setContext({ ...context, [field]: e.target ? e.target.value : e });

  async function submit(event) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (!context.clientVersion.trim()) return;
    const body = { platform: context.platform, attributes: attributesOf(context.attributes) };
    for (const [field] of CONTEXT_FIELDS) {
      if (context[field].trim()) body[field] = context[field].trim();
    }
    const ids = context.packageIds.split(/[\s,]+/).filter(Boolean);
    if (ids.length) body.packageIds = ids;
    if (at && at.isValid()) body.at = at.toISOString();
    try {
      setAnswer(await api.simulate(appKey, body));
    } catch (e) {
      setError(e);
      setAnswer(null);
    }
  }

  return (
    <Page title="Simulate" subtitle="What a client with this context would get now, per package, and why">
      <Paper component="form" onSubmit={submit} sx={{ p: 2 }} aria-label="client context" noValidate>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '1fr 1fr 1fr' } }}>
          <NativeSelect label="Platform" value={context.platform} onChange={set('platform')}
            options={[{ value: 'ANDROID', label: 'Android' }, { value: 'IOS', label: 'iOS' }]} />
          {CONTEXT_FIELDS.map(([field, label, help]) => (
            <TextField key={field} label={label} value={context[field]} onChange={set(field)}
              required={field === 'clientVersion'}
              error={!!server[field] || (field === 'clientVersion' && submitted && !context.clientVersion.trim())}
              helperText={server[field] || help || ' '} />
          ))}
          <TextField label="Custom attributes" value={context.attributes} onChange={set('attributes')} multiline minRows={2}
            helperText="name=value, one a line" />
          <TextField label="Package ids" value={context.packageIds} onChange={set('packageIds')}
            helperText={server.packageIds || 'all packages when empty'} error={!!server.packageIds} />
          <DateTimePicker label="Evaluate at" value={at} onChange={setAt} ampm={false}
            slotProps={{ textField: { size: 'small', helperText: 'now when empty' }, field: { clearable: true } }} />
        </Box>
        <Button type="submit" variant="contained" sx={{ mt: 2 }}>Simulate</Button>
      </Paper>
      <ProblemAlert error={error} shownFields={CONTEXT_FIELDS.map(([f]) => f).concat('packageIds')} />
      {answer && (
        <>
          <Typography variant="body2" color="text.secondary">
            Revision {answer.revision}, evaluated at {new Date(answer.evaluatedAt).toLocaleString()}
          </Typography>
          {answer.packages.map((report) => <PackageReport key={report.packageId} report={report} />)}
          {answer.packages.length === 0 && <Typography>No package is released in this app yet.</Typography>}
        </>
      )}
    </Page>
  );
}
