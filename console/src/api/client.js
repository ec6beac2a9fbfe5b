import { forgetToken, storedToken } from './session.js';

/** A refused call, carrying the server's problem+json (RFC 9457) as it came. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The field errors by field name: `{version: 'must be ...'}`; nested fields keep their path. */
  fieldErrors() {
    const byField = {};
    for (const error of this.problem.errors || []) {
      byField[error.field] = byField[error.field] ? `${byField[error.field]}; ${error.message}` : error.message;
    }
    return byField;
  }
}

async function call(path, { method = 'GET', json, text, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  const token = storedToken();
  if (token) {
    init.headers.Authorization = `Bearer ${token}`;
  }
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (text !== undefined) {
    init.headers['Content-Type'] = 'text/plain; charset=utf-8';
    init.body = text;
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch (e) {
    throw new ApiError(0, { title: 'No answer', detail: `the gateway did not answer (${e.message})` });
  }
  const body = await response.text();
  let data = null;
  if (body) {
    try {
      data = JSON.parse(body);
    } catch {
      data = { title: response.statusText, detail: body.slice(0, 300) };
    }
  }
  if (!response.ok) {
    if (response.status === 401) {
      forgetToken('The gateway refused the token (401): it is missing, expired or not signed by this installation. Sign in again.');
    }
    throw new ApiError(response.status, data || { title: response.statusText });
  }
  return data;
}

const enc = encodeURIComponent;

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The console API of api.md, one function per call. */
export const api = {
  apps: () => call('/apps'),
  createApp: (app) => call('/apps', { method: 'POST', json: app }),

  packages: (appKey, filter) => call(`/apps/${enc(appKey)}/packages${query(filter)}`),
  createPackage: (appKey, pkg) => call(`/apps/${enc(appKey)}/packages`, { method: 'POST', json: pkg }),
  package: (appKey, packageId) => call(`/apps/${enc(appKey)}/packages/${enc(packageId)}`),
  addVersion: (appKey, packageId, version) =>
    call(`/apps/${enc(appKey)}/packages/${enc(packageId)}/versions`, { method: 'POST', json: version }),

  tasks: (appKey, filter) => call(`/apps/${enc(appKey)}/release-tasks${query(filter)}`),
  task: (appKey, taskId) => call(`/apps/${enc(appKey)}/release-tasks/${enc(taskId)}`),
  taskEvents: (appKey, taskId) => call(`/apps/${enc(appKey)}/release-tasks/${enc(taskId)}/events`),
  taskHealth: (appKey, taskId) => call(`/apps/${enc(appKey)}/release-tasks/${enc(taskId)}/health`),
  createTask: (appKey, task) => call(`/apps/${enc(appKey)}/release-tasks`, { method: 'POST', json: task }),
  createBatch: (appKey, batch) => call(`/apps/${enc(appKey)}/release-tasks/batch`, { method: 'POST', json: batch }),
  command: (appKey, taskId, command, streamVersion) =>
    call(`/apps/${enc(appKey)}/release-tasks/${enc(taskId)}/${command}`, {
      method: 'POST',
      headers: { 'If-Match': `"${streamVersion}"` },
    }),

  whitelists: (appKey) => call(`/apps/${enc(appKey)}/whitelists`),
  createWhitelist: (appKey, whitelist) => call(`/apps/${enc(appKey)}/whitelists`, { method: 'POST', json: whitelist }),
  members: (appKey, whitelistId, cursor, size) =>
    call(`/apps/${enc(appKey)}/whitelists/${enc(whitelistId)}/members${query({ cursor, size })}`),
  addMembers: (appKey, whitelistId, lines) =>
    call(`/apps/${enc(appKey)}/whitelists/${enc(whitelistId)}/members`, { method: 'POST', text: lines }),
  removeMembers: (appKey, whitelistId, ids) =>
    call(`/apps/${enc(appKey)}/whitelists/${enc(whitelistId)}/members`, { method: 'DELETE', json: { ids } }),

  simulate: (appKey, context) => call(`/apps/${enc(appKey)}/simulate`, { method: 'POST', json: context }),
};
