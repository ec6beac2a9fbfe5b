import Chip from '@mui/material/Chip';

// The words release managers use for a version's state (and a package's, which is its highest version's).
const VERSION_STATES = {
  TO_BE_RELEASED: { label: 'To be released', color: 'default' },
  GRAYSCALE_RELEASING: { label: 'Grayscale releasing', color: 'warning' },
  OFFICIAL_RELEASING: { label: 'Official releasing', color: 'info' },
  FINISHED_RELEASE: { label: 'Finished release', color: 'success' },
  CANCELLED: { label: 'Cancelled', color: 'error' },
};

const TASK_STATES = {
  RELEASING: { label: 'Releasing', color: 'info' },
  PAUSED: { label: 'Paused', color: 'warning' },
  FINISHED: { label: 'Finished', color: 'success' },
  CANCELLED: { label: 'Cancelled', color: 'error' },
};

export const versionStates = Object.entries(VERSION_STATES).map(([value, { label }]) => ({ value, label }));
export const taskStates = Object.entries(TASK_STATES).map(([value, { label }]) => ({ value, label }));

export function versionStateLabel(state) {
  return VERSION_STATES[state]?.label || state;
}

export function VersionState({ state }) {
  const known = VERSION_STATES[state] || { label: state, color: 'default' };
  return <Chip size="small" label={known.label} color={known.color} variant="outlined" data-state={state} />;
}

export function TaskState({ state }) {
  const known = TASK_STATES[state] || { label: state, color: 'default' };
  return <Chip size="small" label={known.label} color={known.color} data-state={state} />;
}
