import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { useLive } from '../api/useLive.js';
import Page from '../components/Page.jsx';
import ProblemAlert from '../components/ProblemAlert.jsx';
import { TaskState, taskStates } from '../components/StatusBadge.jsx';
import { NativeSelect } from '../release/RuleEditor.jsx';

export function audienceText(task) {
  if (task.releaseType === 'OFFICIAL') {
    return 'everyone';
  }
  const g = task.grayscale || {};
  const audience = g.mode === 'WHITELIST'
    ? `${(g.whitelistIds || []).length} whitelist(s)`
    : `first ${g.usersCount} users until ${new Date(g.endTime).toLocaleString()}`;
  return task.rules?.length ? `${audience}, ${task.rules.length} rule(s)` : audience;
}

export default function TasksPage() {
  const { appKey } = useParams();
  const [state, setState] = useState('');
  const [packageId, setPackageId] = useState('');
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(20);
  const validPackage = packageId === '' || /^\d{8}$/.test(packageId);
  const { data, error } = useLive(() => api.tasks(appKey, { state, packageId: validPackage ? packageId : '', page, size }),
    [appKey, state, packageId, page, size]);
  return (
    <Page title="Release tasks" subtitle={`App ${appKey}`}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} component="search" aria-label="filter tasks">
        <NativeSelect label="State" value={state} onChange={(v) => { setState(v); setPage(0); }}
          options={[{ value: '', label: 'Any state' }, ...taskStates]} sx={{ minWidth: 180 }} />
        <TextField label="Package id" value={packageId} onChange={(e) => { setPackageId(e.target.value); setPage(0); }}
          error={!validPackage} helperText={validPackage ? ' ' : '8 digits'} />
      </Stack>
      <ProblemAlert error={error} />
      <Paper>
        <TableContainer>
          <Table aria-label="release tasks">
            <TableHead>
              <TableRow>
                <TableCell>Task</TableCell><TableCell>Package</TableCell><TableCell>Version</TableCell>
                <TableCell>Type</TableCell><TableCell>Audience</TableCell><TableCell>State</TableCell><TableCell>Updated</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(data?.items || []).map((t) => (
                <TableRow key={t.taskId} hover data-task={t.taskId}>
                  <TableCell><Link component={RouterLink} to={`/apps/${appKey}/tasks/${t.taskId}`}>{t.taskId.slice(0, 8)}</Link></TableCell>
                  <TableCell>{t.packageId}</TableCell>
                  <TableCell>{t.version} {t.platform}</TableCell>
                  <TableCell>{t.releaseType === 'GRAYSCALE' ? 'Grayscale' : 'Official'}</TableCell>
                  <TableCell>{audienceText(t)}</TableCell>
                  <TableCell><TaskState state={t.state} /></TableCell>
                  <TableCell>{new Date(t.updatedAt).toLocaleString()} by {t.updatedBy}</TableCell>
                </TableRow>
              ))}
              {data && data.items.length === 0 && (
                <TableRow><TableCell colSpan={7}><Typography color="text.secondary">No task matches.</Typography></TableCell></TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination component="div" count={data?.total || 0} page={page} rowsPerPage={size}
          onPageChange={(e, next) => setPage(next)} rowsPerPageOptions={[10, 20, 50, 100]}
          onRowsPerPageChange={(e) => { setSize(Number(e.target.value)); setPage(0); }} />
      </Paper>
    </Page>
  );
}
