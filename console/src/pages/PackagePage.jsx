import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { useAuth } from '../api/auth.jsx';
import { mayWrite, whyNot } from '../api/permissions.js';
import { useLive } from '../api/useLive.js';
import Guarded from '../components/Guarded.jsx';
import Page from '../components/Page.jsx';
import ProblemAlert from '../components/ProblemAlert.jsx';
import { TaskState, VersionState } from '../components/StatusBadge.jsx';
import AddVersionDialog from './AddVersionDialog.jsx';

// As release-service decides it for one task: a new version, or one whose earlier task was cancelled.
// (A finished version is the baseline already; a batch may re-target it, a single task may not.)
const RELEASABLE = new Set(['TO_BE_RELEASED', 'CANCELLED']);

export default function PackagePage() {
  const { appKey, packageId } = useParams();
  const { claims } = useAuth();
  const [adding, setAdding] = useState(false);
  const { data: pkg, error, refresh } = useLive(() => api.package(appKey, packageId), [appKey, packageId]);
  const { data: tasks } = useLive(() => api.tasks(appKey, { packageId, size: 50 }), [appKey, packageId]);
  const writable = mayWrite(claims, appKey);
  const platforms = [...new Set((pkg?.versions || []).map((v) => v.platform))].sort();
  return (
    <Page title={pkg ? `${pkg.name} (${pkg.packageId})` : packageId}
      subtitle={pkg && [pkg.type, pkg.vhost, pkg.description].filter(Boolean).join(' · ')}
      actions={
        <Guarded allowed={writable} reason={whyNot(claims, appKey)}>
          <Button variant="contained" disabled={!writable || !pkg} onClick={() => setAdding(true)}>Add version</Button>
        </Guarded>
      }>
      <ProblemAlert error={error} />
      {pkg && platforms.length === 0 && <Typography color="text.secondary">No version yet: add the first one.</Typography>}
      {platforms.map((platform) => (
        <Paper key={platform}>
          <Typography variant="h6" component="h2" sx={{ px: 2, pt: 1 }}>{platform}</Typography>
          <TableContainer>
            <Table aria-label={`${platform} versions`} size="small">
              <TableHead>
                <TableRow>
                  <TableCell>Version</TableCell><TableCell>State</TableCell><TableCell>App versions</TableCell>
                  <TableCell>Size</TableCell><TableCell>Download</TableCell><TableCell>Diffs</TableCell><TableCell>Added</TableCell><TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {pkg.versions.filter((v) => v.platform === platform).map((v) => (
                  <TableRow key={v.version} data-version={v.version}>
                    <TableCell>{v.version}</TableCell>
                    <TableCell><VersionState state={v.state} /></TableCell>
                    <TableCell>{v.clientVersionMin}{v.clientVersionMax ? ` – ${v.clientVersionMax}` : ' and later'}</TableCell>
                    <TableCell>{v.sizeBytes.toLocaleString()} B</TableCell>
                    <TableCell sx={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                      <Link href={v.downloadUrl} title={v.sha256}>{v.downloadUrl}</Link>
                    </TableCell>
                    <TableCell title={v.signature ? 'signed with the app key' : 'not signed'}>
                      {(v.diffs || []).map((d) => `from ${d.fromVersion} (${Math.round(d.sizeBytes / 1024).toLocaleString()} KB)`).join(', ') || '—'}
                    </TableCell>
                    <TableCell>{new Date(v.createdAt).toLocaleString()}</TableCell>
                    <TableCell>
                      <Guarded allowed={writable && RELEASABLE.has(v.state)}
                        reason={writable ? 'only a version To be released or Finished release is released' : whyNot(claims, appKey)}>
                        <Button component={RouterLink} disabled={!writable || !RELEASABLE.has(v.state)}
                          to={`/apps/${appKey}/packages/${packageId}/release?version=${encodeURIComponent(v.version)}&platform=${platform}`}>
                          Create a release task
                        </Button>
                      </Guarded>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
      ))}
      <Paper>
        <Typography variant="h6" component="h2" sx={{ px: 2, pt: 1 }}>Release tasks of this package</Typography>
        <Table aria-label="release tasks of this package" size="small">
          <TableHead>
            <TableRow><TableCell>Task</TableCell><TableCell>Version</TableCell><TableCell>Type</TableCell><TableCell>State</TableCell><TableCell>Updated</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {(tasks?.items || []).map((t) => (
              <TableRow key={t.taskId}>
                <TableCell><Link component={RouterLink} to={`/apps/${appKey}/tasks/${t.taskId}`}>{t.taskId.slice(0, 8)}</Link></TableCell>
                <TableCell>{t.version} {t.platform}</TableCell>
                <TableCell>{t.releaseType}</TableCell>
                <TableCell><TaskState state={t.state} /></TableCell>
                <TableCell>{new Date(t.updatedAt).toLocaleString()}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {adding && pkg && (
        <AddVersionDialog appKey={appKey} pkg={pkg} onClose={() => setAdding(false)}
          onAdded={() => { setAdding(false); refresh(); }} />
      )}
    </Page>
  );
}
