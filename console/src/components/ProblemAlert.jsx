import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useAuth } from '../api/auth.jsx';

function explanation(error, claims) {
  switch (error.status) {
    case 0:
      return 'The gateway did not answer. Is Rollgate running (deploy/local/status)?';
    case 403:
      return `Your token (${claims?.subject}, roles ${claims?.roles.join(', ') || 'none'}, apps ${
        claims?.apps.join(', ') || 'none'
      }) is not allowed to do this. Ask an admin for a token with the role or app it needs.`;
    case 404:
      return 'It does not exist (any more): it may have been removed, or the address is wrong.';
    case 409:
      return 'Rollgate refused it because of the current state:';
    case 413:
      return 'The request is too large; send it in smaller parts.';
    case 503:
      return 'A Rollgate service is unavailable right now; try again in a few seconds.';
    default:
      return null;
  }
}

/**
 * Shows a refused call in words: what the status means for the operator, the server's detail, and the
 * field errors that no form field showed (`shownFields` lists those a form already shows beside itself).
 */
export default function ProblemAlert({ error, shownFields = [], onClose, action }) {
  const { claims } = useAuth();
  if (!error) {
    return null;
  }
  const problem = error.problem || {};
  const words = explanation(error, claims);
  const unshown = (problem.errors || []).filter((e) => !shownFields.includes(e.field));
  return (
    <Alert severity={error.status >= 500 || error.status === 0 ? 'error' : 'warning'} onClose={onClose} action={action}
      role="alert" data-status={error.status}>
      <AlertTitle>{problem.title || 'Refused'}{error.status ? ` (${error.status})` : ''}</AlertTitle>
      {words && <div>{words}</div>}
      {problem.detail && <div>{problem.detail}</div>}
      {unshown.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {unshown.map((e, i) => (
            <li key={i}><strong>{e.field}</strong>: {e.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
