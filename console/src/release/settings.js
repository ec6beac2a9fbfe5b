// Release settings as the form holds them, the checks the release-service makes on them (so that an
// invalid combination cannot be submitted), and the request body they become.
import dayjs from 'dayjs';

export const RULE_TYPES = [
  { value: 'CITY', label: 'City' },
  { value: 'MODEL', label: 'Device model' },
  { value: 'NETWORK', label: 'Network' },
  { value: 'OS_VERSION', label: 'OS version' },
  { value: 'CUSTOM', label: 'Custom attribute' },
];

export const OPERATORS = [
  { value: 'IN', label: 'is one of' },
  { value: 'NOT_IN', label: 'is none of' },
  { value: 'EQ', label: '=' },
  { value: 'NEQ', label: '≠' },
  { value: 'GT', label: '>' },
  { value: 'GTE', label: '≥' },
  { value: 'LT', label: '<' },
  { value: 'LTE', label: '≤' },
  { value: 'BETWEEN', label: 'between' },
  { value: 'STARTS_WITH', label: 'starts with' },
  { value: 'ENDS_WITH', label: 'ends with' },
  { value: 'CONTAINS', label: 'contains' },
  { value: 'REGEX', label: 'matches (RE2)' },
];

export const VALUE_TYPES = [
  { value: 'VERSION', label: 'version' },
  { value: 'NUMBER', label: 'number' },
  { value: 'DATE', label: 'date (RFC 3339)' },
];

const COMPARISONS = new Set(['EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE', 'BETWEEN']);
/** Lists, and the text operators, which hold when any of their values matches. */
const MANY_VALUES = new Set(['IN', 'NOT_IN', 'STARTS_WITH', 'ENDS_WITH', 'CONTAINS']);
const ATTRIBUTE = /^[A-Za-z0-9_.-]{1,64}$/;
const VERSION = /^\d+(\.\d+)*(-[0-9A-Za-z.-]+)?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function isComparison(operator) {
  return COMPARISONS.has(operator);
}

export function newRule() {
  return { type: 'CITY', attribute: '', operator: 'IN', values: [], valueType: 'VERSION', inverted: false,
    caseInsensitive: false };
}

// The release-service's default for grayscale tasks: pause when over 10 % of at least 20 devices fail
// within 10 minutes.
export const DEFAULT_SAFEGUARD = { on: true, percent: '10', devices: '20', minutes: '10' };

export function newSettings() {
  return { releaseType: 'GRAYSCALE', mode: 'WHITELIST', whitelistIds: [], endTime: dayjs().add(7, 'day'),
    usersCount: '1000', rules: [], description: '', safeguard: { ...DEFAULT_SAFEGUARD } };
}

/** A grayscale release watches its devices by default; an official one only when asked. */
export function withReleaseType(settings, releaseType) {
  return { ...settings, releaseType, safeguard: { ...settings.safeguard, on: releaseType === 'GRAYSCALE' } };
}

function valueProblem(value, type) {
  if (type === 'NUMBER' && !NUMBER.test(value)) {
    return `${value} is not a number`;
  }
  if (type === 'DATE' && Number.isNaN(Date.parse(value))) {
    return `${value} is not an RFC 3339 date`;
  }
  if (type === 'VERSION' && !VERSION.test(value)) {
    return `${value} is not a dotted version`;
  }
  return null;
}

function ruleProblems(rule, at, problems) {
  if (rule.type === 'CUSTOM' && !ATTRIBUTE.test(rule.attribute || '')) {
    problems[`${at}.attribute`] = 'name the attribute: 1 to 64 of A-Z a-z 0-9 _ . -';
  }
  if (rule.values.length === 0) {
    problems[`${at}.values`] = 'add at least one value (type it, then Enter)';
    return;
  }
  const expected = rule.operator === 'BETWEEN' ? 2 : (MANY_VALUES.has(rule.operator) ? -1 : 1);
  if (expected > 0 && rule.values.length !== expected) {
    problems[`${at}.values`] = `${rule.operator} takes exactly ${expected} value${expected === 1 ? '' : 's'}`;
    return;
  }
  if (rule.values.some((v) => v.length > 256)) {
    problems[`${at}.values`] = 'a value is at most 256 characters';
    return;
  }
  if (isComparison(rule.operator)) {
    const type = rule.type === 'CUSTOM' ? rule.valueType : 'VERSION';
    const bad = rule.values.map((v) => valueProblem(v, type)).find(Boolean);
    if (bad) {
      problems[`${at}.values`] = bad;
    }
  }
}

/** Field path → problem, with the API's field names, so that server errors land on the same fields. */
export function settingsProblems(settings, { now = dayjs() } = {}) {
  const problems = {};
  if (settings.releaseType === 'GRAYSCALE') {
    if (settings.mode === 'WHITELIST' && settings.whitelistIds.length === 0) {
      problems['grayscale.whitelistIds'] = 'pick at least one whitelist';
    }
    if (settings.mode === 'TIME_WINDOW') {
      if (!settings.endTime || !settings.endTime.isValid()) {
        problems['grayscale.endTime'] = 'pick when the window ends';
      } else if (!settings.endTime.isAfter(now)) {
        problems['grayscale.endTime'] = 'the window must end in the future';
      }
      const count = Number(settings.usersCount);
      if (!Number.isInteger(count) || count < 1) {
        problems['grayscale.usersCount'] = 'a whole number of users, at least 1';
      }
    }
    settings.rules.forEach((rule, i) => ruleProblems(rule, `rules[${i}]`, problems));
  }
  const guard = settings.safeguard;
  if (guard.on) {
    const percent = Number(guard.percent);
    if (!(percent > 0 && percent <= 100)) {
      problems['safeguard.maxFailureRate'] = 'a percentage above 0 and at most 100';
    }
    const devices = Number(guard.devices);
    if (!Number.isInteger(devices) || devices < 1 || devices > 1000000) {
      problems['safeguard.minDevices'] = 'a whole number of devices, 1 to 1,000,000';
    }
    const minutes = Number(guard.minutes);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
      problems['safeguard.window'] = 'whole minutes, 1 to 1440';
    }
  }
  if (settings.description.length > 500) {
    problems.description = 'at most 500 characters';
  }
  return problems;
}

function ruleRequest(rule) {
  const body = { type: rule.type, operator: rule.operator, values: rule.values, inverted: rule.inverted,
    caseInsensitive: rule.caseInsensitive };
  if (rule.type === 'CUSTOM') {
    body.attribute = rule.attribute;
    if (isComparison(rule.operator)) {
      body.valueType = rule.valueType;
    }
  }
  return body;
}

/** The settings part of a task or batch request. */
export function settingsRequest(settings) {
  const body = { releaseType: settings.releaseType };
  if (settings.description.trim()) {
    body.description = settings.description.trim();
  }
  if (settings.releaseType === 'GRAYSCALE') {
    body.grayscale = settings.mode === 'WHITELIST'
      ? { mode: 'WHITELIST', whitelistIds: settings.whitelistIds }
      : { mode: 'TIME_WINDOW', endTime: settings.endTime.toISOString(), usersCount: Number(settings.usersCount) };
    body.rules = settings.rules.map(ruleRequest);
  }
  const guard = settings.safeguard;
  if (guard.on) {
    body.safeguard = { maxFailureRate: Number(guard.percent) / 100, minDevices: Number(guard.devices),
      window: `PT${Number(guard.minutes)}M`};
  } else if (settings.releaseType === 'GRAYSCALE') {
    // A grayscale task without one gets the default; a rate of 100 % is how one says "never pause".
    body.safeguard = { maxFailureRate: 1, minDevices: 1, window: 'PT1M' };
  }
  return body;
}
