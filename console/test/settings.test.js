import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SAFEGUARD, newRule, newSettings, settingsProblems, settingsRequest, withReleaseType,
} from '../src/release/settings.js';

const now = dayjs('2026-11-30T00:00:00Z');

function settings(changes) {
  return { ...newSettings(), ...changes };
}

describe('release settings', () => {
  it('need a whitelist for a whitelist grayscale', () => {
    expect(settingsProblems(settings({ whitelistIds: [] }), { now })).toHaveProperty('grayscale.whitelistIds');
    expect(settingsProblems(settings({ whitelistIds: ['w1'] }), { now })).toEqual({});
  });

  it('need a future end time and a positive whole users count for a time window', () => {
    const problems = settingsProblems(settings({ mode: 'TIME_WINDOW', endTime: now.subtract(1, 'hour'), usersCount: '0' }), { now });
    expect(problems).toHaveProperty('grayscale.endTime');
    expect(problems).toHaveProperty('grayscale.usersCount');
    expect(settingsProblems(settings({ mode: 'TIME_WINDOW', endTime: now.add(1, 'day'), usersCount: '10' }), { now })).toEqual({});
  });

  it('check rules as the release-service does', () => {
    const between = { ...newRule(), type: 'OS_VERSION', operator: 'BETWEEN', values: ['12'] };
    const custom = { ...newRule(), type: 'CUSTOM', attribute: '', operator: 'GTE', values: ['abc'], valueType: 'NUMBER' };
    const problems = settingsProblems(settings({ whitelistIds: ['w1'], rules: [between, custom] }), { now });
    expect(problems['rules[0].values']).toMatch(/exactly 2/);
    expect(problems['rules[1].attribute']).toBeDefined();
    expect(problems['rules[1].values']).toMatch(/not a number/);
  });

  it('let the text operators take several values, as the release-service does', () => {
    const startsWith = { ...newRule(), type: 'MODEL', operator: 'STARTS_WITH', values: ['SM-', 'Pixel'] };
    const equals = { ...newRule(), type: 'MODEL', operator: 'EQ', values: ['SM-', 'Pixel'] };
    const problems = settingsProblems(settings({ whitelistIds: ['w1'], rules: [startsWith, equals] }), { now });
    expect(problems['rules[0].values']).toBeUndefined();
    expect(problems['rules[1].values']).toMatch(/exactly 1/);
  });

  it('ignore audience and rules of an official release, which watches its devices only when asked', () => {
    const official = withReleaseType(settings({ whitelistIds: [], rules: [newRule()] }), 'OFFICIAL');
    expect(settingsProblems(official, { now })).toEqual({});
    expect(settingsRequest(official)).toEqual({ releaseType: 'OFFICIAL' });
    const watched = { ...official, safeguard: { on: true, percent: '5', devices: '100', minutes: '30' } };
    expect(settingsRequest(watched).safeguard).toEqual({ maxFailureRate: 0.05, minDevices: 100, window: 'PT30M' });
  });

  it('turn a grayscale safeguard off with a rate no release reaches, and check its bounds', () => {
    const off = settings({ whitelistIds: ['w1'], safeguard: { ...DEFAULT_SAFEGUARD, on: false } });
    expect(settingsRequest(off).safeguard).toEqual({ maxFailureRate: 1, minDevices: 1, window: 'PT1M' });
    const bad = settings({ whitelistIds: ['w1'], safeguard: { on: true, percent: '0', devices: '1.5', minutes: '2000' } });
    expect(Object.keys(settingsProblems(bad, { now }))).toEqual(
      ['safeguard.maxFailureRate', 'safeguard.minDevices', 'safeguard.window']);
  });

  it('become the request the API takes', () => {
    const rule = { ...newRule(), type: 'CUSTOM', attribute: 'channel', operator: 'IN', values: ['beta'] };
    const body = settingsRequest(settings({ whitelistIds: ['w1'], rules: [rule], description: ' try it ' }));
    expect(body).toEqual({
      releaseType: 'GRAYSCALE', description: 'try it',
      grayscale: { mode: 'WHITELIST', whitelistIds: ['w1'] },
      rules: [{ type: 'CUSTOM', attribute: 'channel', operator: 'IN', values: ['beta'], inverted: false, caseInsensitive: false }],
      safeguard: { maxFailureRate: 0.1, minDevices: 20, window: 'PT10M' },
    });
    const window = settingsRequest(settings({ mode: 'TIME_WINDOW', endTime: dayjs('2026-12-01T00:00:00Z'), usersCount: '25' }));
    expect(window.grayscale).toEqual({ mode: 'TIME_WINDOW', endTime: '2026-12-01T00:00:00.000Z', usersCount: 25 });
  });
});
