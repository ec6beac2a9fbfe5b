import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { useLive } from '../api/useLive.js';
import Page from '../components/Page.jsx';
import PagedTable from '../components/PagedTable.jsx';
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
      <PagedTable label="release tasks" headers={['Task', 'Package', 'Version', 'Type', 'Audience', 'State', 'Updated']}
        answer={data} empty="No task matches." page={page} size={size} onPage={setPage} onSize={setSize}>
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
      </PagedTable>
    </Page>
  );
}
