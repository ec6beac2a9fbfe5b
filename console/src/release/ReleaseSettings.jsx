import Autocomplete from '@mui/material/Autocomplete';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { api } from '../api/client.js';
import { useLive } from '../api/useLive.js';
import RuleEditor from './RuleEditor.jsx';
import SafeguardFields from './SafeguardFields.jsx';
import { withReleaseType } from './settings.js';

/**
 * The settings a single release and a batch release share: type, then (grayscale only) mode with its
 * audience and the advanced rules, and a description. Official releases have neither audience nor rules,
 * so those controls disappear rather than being sent and refused.
 */
export default function ReleaseSettings({ appKey, settings, onChange, problems, disabled }) {
  const { data: whitelists } = useLive(() => api.whitelists(appKey), [appKey], 15000);
  const set = (field) => (value) => onChange({ ...settings, [field]: value });
  const grayscale = settings.releaseType === 'GRAYSCALE';
  const chosen = (whitelists || []).filter((w) => settings.whitelistIds.includes(w.whitelistId));
  return (
    <Stack spacing={2}>
      <FormControl disabled={disabled}>
        <FormLabel id="release-type">Release type</FormLabel>
        <RadioGroup row aria-labelledby="release-type" value={settings.releaseType}
          onChange={(e) => onChange(withReleaseType(settings, e.target.value))}>
          <FormControlLabel value="GRAYSCALE" control={<Radio />} label="Grayscale" />
          <FormControlLabel value="OFFICIAL" control={<Radio />} label="Official (everyone)" />
        </RadioGroup>
      </FormControl>
      {grayscale && (
        <FormControl disabled={disabled}>
          <FormLabel id="release-mode">Release mode</FormLabel>
          <RadioGroup row aria-labelledby="release-mode" value={settings.mode} onChange={(e) => set('mode')(e.target.value)}>
            <FormControlLabel value="WHITELIST" control={<Radio />} label="Whitelist" />
            <FormControlLabel value="TIME_WINDOW" control={<Radio />} label="Time window (first N users)" />
          </RadioGroup>
        </FormControl>
      )}
      {grayscale && settings.mode === 'WHITELIST' && (
        <Autocomplete multiple options={whitelists || []} value={chosen} disabled={disabled}
          getOptionLabel={(w) => `${w.name} (${w.memberCount} ${w.idType === 'USER_ID' ? 'users' : 'devices'})`}
          isOptionEqualToValue={(a, b) => a.whitelistId === b.whitelistId}
          onChange={(e, picked) => set('whitelistIds')(picked.map((w) => w.whitelistId))}
          renderInput={(params) => (
            <TextField {...params} label="Whitelists" error={!!problems['grayscale.whitelistIds']}
              helperText={problems['grayscale.whitelistIds'] || 'a client in any of them is in the audience'} />
          )} />
      )}
      {grayscale && settings.mode === 'TIME_WINDOW' && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <DateTimePicker label="End time" value={settings.endTime} onChange={set('endTime')} disabled={disabled}
            disablePast ampm={false}
            slotProps={{ textField: { size: 'small', error: !!problems['grayscale.endTime'],
              helperText: problems['grayscale.endTime'] || 'your local time' } }} />
          <TextField label="Users count" type="number" value={settings.usersCount} disabled={disabled}
            onChange={(e) => set('usersCount')(e.target.value)} slotProps={{ htmlInput: { min: 1 } }}
            error={!!problems['grayscale.usersCount']}
            helperText={problems['grayscale.usersCount'] || 'the first N distinct users get it'} />
        </Stack>
      )}
      {grayscale && (
        <RuleEditor rules={settings.rules} onChange={set('rules')} problems={problems} disabled={disabled} />
      )}
      <SafeguardFields safeguard={settings.safeguard} onChange={set('safeguard')} problems={problems}
        disabled={disabled} />
      <TextField label="Description" value={settings.description} onChange={(e) => set('description')(e.target.value)}
        multiline minRows={2} disabled={disabled} error={!!problems.description}
        helperText={problems.description || 'why this release; shown in the audit trail'} />
    </Stack>
  );
}
