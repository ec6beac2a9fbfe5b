import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, matchPath, useLocation } from 'react-router-dom';
import { useAuth } from '../api/auth.jsx';

const SECTIONS = [
  { path: 'packages', label: 'Offline package management' },
  { path: 'tasks', label: 'Release tasks' },
  { path: 'whitelists', label: 'Whitelists' },
  { path: 'simulate', label: 'Simulate' },
];

/** The frame of every signed-in page: who is signed in, the app in view and its sections. */
export default function Shell({ children }) {
  const { claims, signOut } = useAuth();
  const location = useLocation();
  const match = matchPath('/apps/:appKey/:section/*', location.pathname)
    || matchPath('/apps/:appKey/:section', location.pathname);
  const appKey = match?.params.appKey;
  const section = match?.params.section;
  const who = `${claims.subject} · ${claims.roles.join(', ') || 'no role'} · apps ${claims.apps.join(', ') || 'none'}`;
  return (
    <>
      <AppBar position="static" color="default" elevation={1}>
        <Toolbar sx={{ flexWrap: 'wrap', gap: 1, py: 0.5 }}>
          <Typography variant="h6" component={RouterLink} to="/apps" sx={{ color: 'inherit', textDecoration: 'none' }}>
            Rollgate
          </Typography>
          {appKey && (
            <Button component={RouterLink} to="/apps" aria-label={`app ${appKey}, change app`}>
              app: {appKey}
            </Button>
          )}
          <Box sx={{ flexGrow: 1 }} />
          <Tooltip title={claims.expiresAt ? `token valid until ${claims.expiresAt.toLocaleString()}` : ''}>
            <Chip label={who} data-testid="whoami" />
          </Tooltip>
          <Button onClick={() => signOut(null)}>Sign out</Button>
        </Toolbar>
        {appKey && (
          <Tabs value={SECTIONS.some((s) => s.path === section) ? section : false} variant="scrollable"
            scrollButtons="auto" aria-label="sections">
            {SECTIONS.map((s) => (
              <Tab key={s.path} value={s.path} label={s.label} component={RouterLink}
                to={`/apps/${appKey}/${s.path}`} />
            ))}
          </Tabs>
        )}
      </AppBar>
      {children}
    </>
  );
}
