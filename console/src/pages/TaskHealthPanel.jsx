import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { api } from '../api/client.js';
import { useLive } from '../api/useLive.js';
import ProblemAlert from '../components/ProblemAlert.jsx';

const COUNTS = [
  ['downloaded', 'Downloaded'],
  ['installed', 'Installed'],
  ['launched', 'Launched'],
  ['installFailed', 'Install failed'],
  ['launchFailed', 'Launch failed'],
  ['rolledBack', 'Rolled back'],
];

const percent = (rate) => `${(100 * rate).toFixed(1)} %`;

function minuteLabel(iso) {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/**
 * How the task's version fares on devices, from their outcome reports: devices per outcome, the failure
 * rate, what the safeguard sees in its window, and the last hour by minute.
 */
export default function TaskHealthPanel({ appKey, taskId }) {
  const { data: health, error } = useLive(() => api.taskHealth(appKey, taskId), [appKey, taskId]);
  if (error && !health) {
    return <Paper sx={{ p: 2 }}><ProblemAlert error={error} /></Paper>;
  }
  if (!health) {
    return null;
  }
  const { devices, window, safeguard } = health;
  const series = health.perMinute.slice(-30);
  return (
    <Paper sx={{ p: 2 }} aria-label="release health" role="region">
      <Typography variant="h6" component="h2" gutterBottom>Release health</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mb: 1 }}>
        {COUNTS.map(([key, label]) => (
          <Chip key={key} label={`${label}: ${devices[key].toLocaleString()}`} data-count={key}
            color={key.endsWith('Failed') && devices[key] > 0 ? 'error' : 'default'} variant="outlined" />
        ))}
      </Stack>
      <Typography variant="body2" data-failure-rate>
        {devices.failed.toLocaleString()} of {devices.reporting.toLocaleString()} devices that tried it failed
        ({percent(health.failureRate)}).
      </Typography>
      {safeguard ? (
        <Typography variant="body2" color={window.tripped ? 'error' : 'text.secondary'}>
          Safeguard: pauses when more than {percent(safeguard.maxFailureRate)} of at least {safeguard.minDevices} devices
          fail within {window.minutes} min; in the last {window.minutes} min, {window.failed} of {window.reporting}{' '}
          ({percent(window.failureRate)}){window.tripped ? ': past the limit' : ''}.
        </Typography>
      ) : (
        <Typography variant="body2" color="text.secondary">No safeguard: this task never pauses by itself.</Typography>
      )}
      {Object.keys(health.failuresByReason).length > 0 && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="subtitle2">Failures by reason</Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            {Object.entries(health.failuresByReason).map(([reason, n]) => (
              <Chip key={reason} size="small" color="error" label={`${reason}: ${n}`} />
            ))}
          </Stack>
        </Box>
      )}
      {devices.reporting + devices.downloaded === 0 ? (
        <Alert severity="info" sx={{ mt: 1 }}>No device has reported on this version yet.</Alert>
      ) : (
        <BarChart height={220} skipAnimation
          xAxis={[{ scaleType: 'band', data: series.map((m) => minuteLabel(m.minute)), label: 'last 30 minutes' }]}
          series={[
            { data: series.map((m) => m.devices.launched), label: 'launched', stack: 'devices', color: '#2e7d32' },
            { data: series.map((m) => m.devices.failed), label: 'failed', stack: 'devices', color: '#d32f2f' },
          ]} />
      )}
    </Paper>
  );
}
