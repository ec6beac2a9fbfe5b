import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { useAuth } from '../api/auth.jsx';
import { mayWrite, whyNot } from '../api/permissions.js';
import { useLive } from '../api/useLive.js';
import Guarded from '../components/Guarded.jsx';
import Page from '../components/Page.jsx';
import PagedTable from '../components/PagedTable.jsx';
import ProblemAlert from '../components/ProblemAlert.jsx';
import { VersionState, versionStates } from '../components/StatusBadge.jsx';
import { NativeSelect } from '../release/RuleEditor.jsx';
import BatchReleaseDialog from '../release/BatchReleaseDialog.jsx';
import NewPackageDialog from './NewPackageDialog.jsx';

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...versionStates];
const PLATFORM_OPTIONS = [{ value: '', label: 'Any platform' }, { value: 'ANDROID', label: 'Android' },
  { value: 'IOS', label: 'iOS' }];

export default function PackagesPage() {
  const { appKey } = useParams();
  const { claims } = useAuth();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [platform, setPlatform] = useState('');
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(20);
  const [dialog, setDialog] = useState(null);
  const { data, error, refresh } = useLive(() => api.packages(appKey, { q: q.trim(), status, platform, page, size }),
    [appKey, q, status, platform, page, size]);
  const writable = mayWrite(claims, appKey);
  const filter = (setter) => (value) => { setter(value); setPage(0); };
  return (
    <Page title="Offline package management" subtitle={`App ${appKey}`}
      actions={
        <Stack direction="row" spacing={1}>
          <Guarded allowed={writable} reason={whyNot(claims, appKey)}>
            <Button variant="outlined" disabled={!writable} onClick={() => setDialog('batch')}>Batch release</Button>
          </Guarded>
          <Guarded allowed={writable} reason={whyNot(claims, appKey)}>
            <Button variant="contained" disabled={!writable} onClick={() => setDialog('package')}>New package</Button>
          </Guarded>
        </Stack>
      }>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} component="search" aria-label="filter packages">
        <TextField label="Search id or name" value={q} onChange={(e) => filter(setQ)(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 128 } }} sx={{ minWidth: 240 }} />
        <NativeSelect label="Status" value={status} onChange={filter(setStatus)} options={STATUS_OPTIONS} sx={{ minWidth: 200 }} />
        <NativeSelect label="Platform" value={platform} onChange={filter(setPlatform)} options={PLATFORM_OPTIONS} sx={{ minWidth: 160 }} />
      </Stack>
      <ProblemAlert error={error} />
      <PagedTable label="packages" headers={['Package id', 'Name', 'Highest version', 'Platforms', 'Status']}
        answer={data} empty="No package matches." page={page} size={size} onPage={setPage} onSize={setSize}>
        {(data?.items || []).map((p) => (
          <TableRow key={p.packageId} hover data-package={p.packageId}>
            <TableCell>
              <Link component={RouterLink} to={`/apps/${appKey}/packages/${p.packageId}`}>{p.packageId}</Link>
            </TableCell>
            <TableCell>{p.name}</TableCell>
            <TableCell>{p.highestVersion || '—'}</TableCell>
            <TableCell>
              {(p.platforms || []).map((pl) => `${pl.platform} ${pl.highestVersion}`).join(', ') || '—'}
            </TableCell>
            <TableCell>{p.status ? <VersionState state={p.status} /> : 'no version yet'}</TableCell>
          </TableRow>
        ))}
      </PagedTable>
      {dialog === 'package' && (
        <NewPackageDialog appKey={appKey} onClose={() => setDialog(null)}
          onCreated={() => { setDialog(null); refresh(); }} />
      )}
      {dialog === 'batch' && (
        <BatchReleaseDialog appKey={appKey} onClose={() => setDialog(null)}
          onReleased={() => { setDialog(null); refresh(); }} />
      )}
    </Page>
  );
}
