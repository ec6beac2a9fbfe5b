import Tooltip from '@mui/material/Tooltip';

/**
 * Wraps a control that the token may not use: the control stays visible and disabled, and says why on
 * hover and to screen readers, instead of failing with a 403 after the click.
 */
export default function Guarded({ allowed, reason, children }) {
  if (allowed) {
    return children;
  }
  return (
    <Tooltip title={reason}>
      <span aria-label={reason}>{children}</span>
    </Tooltip>
  );
}
