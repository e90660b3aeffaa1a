/**
 * File upload with progress. fetch() reports no upload progress, so this one request goes
 * through XMLHttpRequest; its path and response type are still checked against the generated
 * schema (a removed or changed route breaks the build here).
 */
import { authHeaders } from './auth';
import { ApiError, type ErrorBody } from './client';
import type { paths } from './schema.gen';

type UploadRoute = paths['/api/measurements/{id}/files']['post'];
export type UploadResult = UploadRoute['responses']['202']['content']['application/json'];
const path = (id: UploadRoute['parameters']['path']['id']) => `/api/measurements/${encodeURIComponent(id)}/files`;

/** Sends one file to a measurement; `onProgress` gets the fraction sent (0–1). */
export function uploadFile(measurementId: string, file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path(measurementId));
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { statusCode: xhr.status, error: xhr.statusText, message: xhr.responseText.slice(0, 200) };
      }
      if (xhr.status === 202) {
        onProgress(1);
        resolve(body as UploadResult);
      } else reject(new ApiError(xhr.status, body as ErrorBody));
    };
    xhr.onerror = () => reject(new ApiError(0, { statusCode: 0, error: 'Network error', message: 'the upload did not reach the server', field: 'file' }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
