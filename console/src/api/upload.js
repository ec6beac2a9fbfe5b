import { ApiError } from './client.js';
import { forgetToken, storedToken } from './session.js';

/**
 * Uploads a version with its zip as one multipart request (the browser announces its length, which the
 * gateway requires of uploads). XMLHttpRequest rather than fetch: only it reports upload progress, which a
 * 200 MB package on a slow link needs.
 *
 * @param fields the version's form fields (version, platform, clientVersionMin, ...)
 * @param onProgress called with (sentBytes, totalBytes)
 */
export function uploadVersion(appKey, packageId, fields, file, onProgress) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') {
      form.append(name, String(value).trim());
    }
  }
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/apps/${encodeURIComponent(appKey)}/packages/${encodeURIComponent(packageId)}/versions`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    const token = storedToken();
    if (token) {
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    }
    xhr.upload.onprogress = (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, { title: 'No answer', detail: 'the gateway did not answer the upload' }));
    xhr.onload = () => {
      let data = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = { title: xhr.statusText, detail: xhr.responseText.slice(0, 300) };
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data);
        return;
      }
      if (xhr.status === 401) {
        forgetToken('The gateway refused the token (401): it is missing, expired or not signed by this installation. Sign in again.');
      }
      reject(new ApiError(xhr.status, data || { title: xhr.statusText }));
    };
    xhr.send(form);
  });
}
