import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { useAuth } from '../api/auth.jsx';
import { mayWrite, whyNot } from '../api/permissions.js';
import Guarded from '../components/Guarded.jsx';
import Page from '../components/Page.jsx';
import ProblemAlert from '../components/ProblemAlert.jsx';
import ReleaseSettings from '../release/ReleaseSettings.jsx';
import { newSettings, settingsProblems, settingsRequest } from '../release/settings.js';

export default function CreateTaskPage() {
  const { appKey, packageId } = useParams();
  const [search] = useSearchParams();
  const version = search.get('version');
  const platform = search.get('platform');
  const navigate = useNavigate();
  const { claims } = useAuth();
  const [settings, setSettings] = useState(newSettings);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const writable = mayWrite(claims, appKey);
  const problems = { ...(submitted ? settingsProblems(settings) : {}), ...(error?.fieldErrors?.() || {}) };

  async function submit(event) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (Object.keys(settingsProblems(settings)).length) {
      return;
    }
    setBusy(true);
    try {
      const task = await api.createTask(appKey, { packageId, version, platform, ...settingsRequest(settings) });
      navigate(`/apps/${appKey}/tasks/${task.taskId}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Create a release task" subtitle={`Package ${packageId}, version ${version} on ${platform}`}>
      <Paper component="form" onSubmit={submit} sx={{ p: { xs: 2, sm: 3 } }} aria-label="create a release task" noValidate>
        <Stack spacing={2}>
          <ProblemAlert error={error} shownFields={Object.keys(settingsProblems(settings))} />
          <ReleaseSettings appKey={appKey} settings={settings} onChange={(next) => { setSettings(next); setError(null); }}
            problems={problems} disabled={!writable} />
          {submitted && Object.keys(settingsProblems(settings)).length > 0 && (
            <Typography color="error" role="status">Fix the fields marked in red first.</Typography>
          )}
          <Stack direction="row" spacing={1}>
            <Guarded allowed={writable} reason={whyNot(claims, appKey)}>
              <Button type="submit" variant="contained" disabled={!writable || busy}>Create release task</Button>
            </Guarded>
            <Button onClick={() => navigate(`/apps/${appKey}/packages/${packageId}`)}>Back to the package</Button>
          </Stack>
        </Stack>
      </Paper>
    </Page>
  );
}
