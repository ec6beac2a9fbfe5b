import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { useAuth } from '../api/auth.jsx';
import { mayWrite, whyNot } from '../api/permissions.js';
import { useLive } from '../api/useLive.js';
import Guarded from '../components/Guarded.jsx';
import Page from '../components/Page.jsx';
import ProblemAlert from '../components/ProblemAlert.jsx';
import { TaskState } from '../components/StatusBadge.jsx';
import { OPERATORS, RULE_TYPES } from '../release/settings.js';
import TaskHealthPanel from './TaskHealthPanel.jsx';
import { audienceText } from './TasksPage.jsx';

const ACTIVE = new Set(['RELEASING', 'PAUSED']);

// The commands the release-service accepts from each state (ReleaseTask.decide); the rest are not offered.
const ACTIONS = [
  { command: 'pause', label: 'Pause', allowed: (t) => t.state === 'RELEASING' },
  { command: 'resume', label: 'Resume', allowed: (t) => t.state === 'PAUSED' },
  { command: 'promote', label: 'Promote to official', allowed: (t) => t.releaseType === 'GRAYSCALE' && ACTIVE.has(t.state) },
  { command: 'finish', label: 'Finish', allowed: (t) => t.releaseType === 'OFFICIAL' && t.state === 'RELEASING' },
  { command: 'cancel', label: 'Cancel release', allowed: (t) => ACTIVE.has(t.state), color: 'error' },
];

function eventTitle(type) {
  return type.replace(/^ReleaseTask/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}

function ruleText(rule) {
  const type = rule.type === 'CUSTOM' ? `attr.${rule.attribute}` : RULE_TYPES.find((t) => t.value === rule.type)?.label;
  const operator = OPERATORS.find((o) => o.value === rule.operator)?.label || rule.operator;
  const flags = [rule.inverted && 'inverted', rule.caseInsensitive && 'case-insensitive', rule.valueType].filter(Boolean);
  return `${type} ${operator} ${rule.values.join(', ')}${flags.length ? ` (${flags.join(', ')})` : ''}`;
}

function Fact({ label, children }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">{label}</Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>{children}</Typography>
    </>
  );
}

function Timeline({ events }) {
  return (
    <Box component="ol" aria-label="audit trail" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {events.map((e) => (
        <Box component="li" key={e.streamVersion} data-event={e.type}
          sx={{ position: 'relative', pl: 3, pb: 2, borderLeft: 2, borderColor: 'divider', ml: 1 }}>
          <Box sx={{ position: 'absolute', left: -7, top: 4, width: 12, height: 12, borderRadius: '50%', bgcolor: 'primary.main' }} />
          <Typography variant="subtitle2">{eventTitle(e.type)}</Typography>
          {e.data?.reason && <Typography variant="body2" color="error">{e.data.reason}</Typography>}
          <Typography variant="body2" color="text.secondary">
            {new Date(e.occurredAt).toLocaleString()} · by <span data-actor>{e.actor}</span> · #{e.streamVersion}
          </Typography>
          <details>
            <summary style={{ cursor: 'pointer', fontSize: 13 }}>data</summary>
            <Box component="pre" sx={{ fontSize: 12, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', m: 0 }}>
              {JSON.stringify(e.data, null, 2)}
            </Box>
          </details>
        </Box>
      ))}
    </Box>
  );
}

export default function TaskPage() {
  const { appKey, taskId } = useParams();
  const { claims } = useAuth();
  const writable = mayWrite(claims, appKey);
  // `shown` is the task as the operator last saw it: commands carry its streamVersion in If-Match, so a
  // change made meanwhile by someone else is refused rather than overridden. `latest` only raises a flag.
  const [shown, setShown] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const { data: latest, error: loadError } = useLive(() => api.task(appKey, taskId), [appKey, taskId]);
  const { data: events, refresh: refreshEvents } = useLive(() => api.taskEvents(appKey, taskId), [appKey, taskId]);
  const { data: whitelists } = useLive(() => api.whitelists(appKey), [appKey], 30000);

  useEffect(() => {
    if (latest && !shown) setShown(latest);
  }, [latest, shown]);

  const changed = shown && latest && latest.streamVersion > shown.streamVersion;
  const stale = error?.status === 409 && /If-Match/i.test(error.problem.detail || '');
  // Reload asks again rather than trusting the last poll, which a hidden tab may not have made.
  const reload = async () => {
    try {
      setShown(await api.task(appKey, taskId));
      setError(null);
    } catch (e) {
      setError(e);
    }
    refreshEvents();
  };

  async function run(command) {
    setBusy(true);
    setError(null);
    try {
      const next = await api.command(appKey, taskId, command, shown.streamVersion);
      setShown(next);
      refreshEvents();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const task = shown;
  const whitelistName = (id) => whitelists?.find((w) => w.whitelistId === id)?.name || id;
  return (
    <Page title={task ? `Release task: ${task.packageId} ${task.version} on ${task.platform}` : 'Release task'}
      subtitle={taskId}
      actions={task && <TaskState state={task.state} />}>
      <ProblemAlert error={loadError} />
      {changed && !stale && (
        <Alert severity="info" action={<Button onClick={reload}>Reload</Button>}>
          This task changed since you opened it (now {latest.state} by {latest.updatedBy}); reload before acting.
        </Alert>
      )}
      {stale ? (
        <Alert severity="warning" role="alert" action={<Button onClick={reload}>Reload</Button>}>
          Someone changed this task since you loaded it, so nothing was done. Reload to see it as it is now, then decide again.
        </Alert>
      ) : <ProblemAlert error={error} />}
      {task && (
        <>
          <Paper sx={{ p: 2 }}>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} role="toolbar" aria-label="task actions">
              {ACTIONS.filter((a) => a.allowed(task)).map((a) => (
                <Guarded key={a.command} allowed={writable} reason={whyNot(claims, appKey)}>
                  <Button variant="contained" color={a.color || 'primary'} disabled={!writable || busy}
                    onClick={() => run(a.command)}>{a.label}</Button>
                </Guarded>
              ))}
              {!ACTIONS.some((a) => a.allowed(task)) && (
                <Typography variant="body2" color="text.secondary">This task is {task.state.toLowerCase()}: nothing more to do.</Typography>
              )}
            </Stack>
          </Paper>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, alignItems: 'start' }}>
            <Paper sx={{ p: 2 }}>
              <Typography variant="h6" component="h2" gutterBottom>Settings</Typography>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1, m: 0 }}>
                <Fact label="Package">
                  <Link component={RouterLink} to={`/apps/${appKey}/packages/${task.packageId}`}>{task.packageId}</Link>
                </Fact>
                <Fact label="Version">{task.version} ({task.platform})</Fact>
                <Fact label="Release type">{task.releaseType === 'GRAYSCALE' ? 'Grayscale' : 'Official'}</Fact>
                <Fact label="Audience">
                  {audienceText(task)}
                  {task.grayscale?.mode === 'WHITELIST' && (
                    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
                      {task.grayscale.whitelistIds.map((id) => (
                        <Chip key={id} size="small" label={whitelistName(id)} component={RouterLink} clickable
                          to={`/apps/${appKey}/whitelists/${id}`} />
                      ))}
                    </Stack>
                  )}
                </Fact>
                <Fact label="Rules">
                  {task.rules?.length ? task.rules.map((r, i) => <div key={i}>{ruleText(r)}</div>) : 'none'}
                </Fact>
                <Fact label="Description">{task.description || '—'}</Fact>
                <Fact label="Safeguard">
                  {task.safeguard
                    ? `pauses past ${(100 * task.safeguard.maxFailureRate).toFixed(1)} % failing of at least ${task.safeguard.minDevices} devices in ${task.safeguard.window}`
                    : 'none'}
                </Fact>
                {task.batchId && <Fact label="Batch">{task.batchId}</Fact>}
                <Fact label="Package file">{task.artifact?.downloadUrl} ({task.artifact?.sizeBytes?.toLocaleString()} B)</Fact>
                <Fact label="Created">{new Date(task.createdAt).toLocaleString()} by {task.createdBy}</Fact>
                <Fact label="Updated">{new Date(task.updatedAt).toLocaleString()} by {task.updatedBy}</Fact>
                <Fact label="Stream version">{task.streamVersion}</Fact>
              </Box>
            </Paper>
            <Stack spacing={2}>
              <TaskHealthPanel appKey={appKey} taskId={taskId} />
              <Paper sx={{ p: 2 }}>
                <Typography variant="h6" component="h2" gutterBottom>Audit trail</Typography>
                <Timeline events={events || []} />
              </Paper>
            </Stack>
          </Box>
        </>
      )}
    </Page>
  );
}
