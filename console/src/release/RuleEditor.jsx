import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { isComparison, newRule, OPERATORS, RULE_TYPES, VALUE_TYPES } from './settings.js';

function NativeSelect({ label, value, onChange, options, disabled, sx }) {
  return (
    <TextField select label={label} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={sx}>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </TextField>
  );
}

export { NativeSelect };

/** Splits what was typed or pasted on commas and line ends, so that "Hangzhou, Shanghai" makes two chips. */
function chips(values) {
  return [...new Set(values.flatMap((v) => v.split(/[,\n]/)).map((v) => v.trim()).filter(Boolean))];
}

function RuleRow({ index, rule, problems, onChange, onRemove, disabled }) {
  const at = `rules[${index}]`;
  const set = (field) => (value) => onChange({ ...rule, [field]: value });
  const valuesProblem = problems[`${at}.values`] || Object.entries(problems)
    .filter(([field]) => field.startsWith(`${at}.values[`)).map(([, message]) => message).join('; ');
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} role="group" aria-label={`rule ${index + 1}`}>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '160px 150px 1fr 150px' } }}>
        <NativeSelect label={`Rule ${index + 1} type`} value={rule.type} onChange={set('type')} options={RULE_TYPES}
          disabled={disabled} />
        <NativeSelect label={`Rule ${index + 1} operator`} value={rule.operator} onChange={set('operator')}
          options={OPERATORS} disabled={disabled} />
        <Autocomplete multiple freeSolo autoSelect options={[]} value={rule.values} disabled={disabled}
          onChange={(e, values) => onChange({ ...rule, values: chips(values) })}
          renderInput={(params) => (
            <TextField {...params} label={`Rule ${index + 1} values`} error={!!valuesProblem}
              helperText={valuesProblem || 'type a value, then Enter'} />
          )} />
        {rule.type === 'CUSTOM' ? (
          <TextField label={`Rule ${index + 1} attribute`} value={rule.attribute} onChange={(e) => set('attribute')(e.target.value)}
            disabled={disabled} error={!!problems[`${at}.attribute`]} helperText={problems[`${at}.attribute`] || 'attr.<name> in the client call'} />
        ) : <Box />}
      </Box>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mt: 1 }}>
        {rule.type === 'CUSTOM' && isComparison(rule.operator) && (
          <NativeSelect label={`Rule ${index + 1} value type`} value={rule.valueType} onChange={set('valueType')}
            options={VALUE_TYPES} disabled={disabled} sx={{ minWidth: 160 }} />
        )}
        <FormControlLabel label="Inverted (matches when the rule does not)" disabled={disabled}
          control={<Checkbox checked={rule.inverted} onChange={(e) => set('inverted')(e.target.checked)} />} />
        <FormControlLabel label="Case-insensitive" disabled={disabled}
          control={<Checkbox checked={rule.caseInsensitive} onChange={(e) => set('caseInsensitive')(e.target.checked)} />} />
        <Box sx={{ flexGrow: 1 }} />
        <Button color="error" onClick={onRemove} disabled={disabled}>Remove rule {index + 1}</Button>
      </Stack>
    </Paper>
  );
}

/** The advanced rules of a grayscale release: every rule must hold for a client to be in it. */
export default function RuleEditor({ rules, problems, onChange, disabled }) {
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2">Advanced rules</Typography>
      {rules.length === 0 && (
        <Typography variant="body2" color="text.secondary">No rule: every client the audience admits gets it.</Typography>
      )}
      {rules.map((rule, i) => (
        <RuleRow key={i} index={i} rule={rule} problems={problems} disabled={disabled}
          onChange={(next) => onChange(rules.map((r, j) => (j === i ? next : r)))}
          onRemove={() => onChange(rules.filter((r, j) => j !== i))} />
      ))}
      <Box>
        <Button onClick={() => onChange([...rules, newRule()])} disabled={disabled}>Add rule</Button>
      </Box>
    </Stack>
  );
}
