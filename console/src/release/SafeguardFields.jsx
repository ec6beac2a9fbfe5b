import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

/** When the release pauses by itself on devices' failure reports. */
export default function SafeguardFields({ safeguard, onChange, problems, disabled }) {
  const set = (field) => (e) => onChange({ ...safeguard, [field]: e.target.value });
  return (
    <Stack spacing={1} role="group" aria-label="safeguard">
      <Typography variant="subtitle2">Safeguard</Typography>
      <FormControlLabel disabled={disabled} label="Pause by itself when devices fail to install or load it"
        control={<Checkbox checked={safeguard.on} onChange={(e) => onChange({ ...safeguard, on: e.target.checked })} />} />
      {safeguard.on && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField label="Failing devices above (%)" type="number" value={safeguard.percent} onChange={set('percent')}
            disabled={disabled} error={!!problems['safeguard.maxFailureRate']}
            helperText={problems['safeguard.maxFailureRate'] || 'of the devices that tried it'} />
          <TextField label="With at least (devices)" type="number" value={safeguard.devices} onChange={set('devices')}
            disabled={disabled} error={!!problems['safeguard.minDevices']}
            helperText={problems['safeguard.minDevices'] || 'reporting in the window'} />
          <TextField label="Within (minutes)" type="number" value={safeguard.minutes} onChange={set('minutes')}
            disabled={disabled} error={!!problems['safeguard.window']}
            helperText={problems['safeguard.window'] || 'the window counted'} />
        </Stack>
      )}
    </Stack>
  );
}
