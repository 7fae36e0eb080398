import { defaultOptions, Upload, type UploadOptions } from 'tus-js-client';
import type { TusUpload } from './UploadController';

/** The portal's tus endpoint (same origin; the server checks the bearer token on every request). */
export const UPLOADS_PATH = '/uploads';

export function createTusUpload(file: File, options: UploadOptions): TusUpload {
  return new Upload(file, options);
}

/** Where tus-js-client keeps unfinished uploads (localStorage), so that a reload can continue them. */
export const tusUrlStorage = defaultOptions.urlStorage;
