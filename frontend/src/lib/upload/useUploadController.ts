import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useSessionManager } from '../auth/SessionContext';
import type { AppError } from '../errors';
import { checkFile as checkFileType } from './fileCheck';
import { createTusUpload, tusUrlStorage, UPLOADS_PATH } from './tus';
import { probeUpload, terminateUpload } from './tusHttp';
import { UploadController } from './UploadController';

export interface UploadControllerOptions {
  /** Unique per account and purpose: a stored upload is offered only where it began. */
  fingerprintPrefix: string;
  /** Run before anything is sent; read once, when the controller is made. */
  checkFile?: (file: File) => Promise<AppError | null>;
  /** Attaches the finished upload; the payload's errors, empty on success. */
  attach: (uploadId: string, title: string) => Promise<AppError[]>;
  onAttached?: () => void;
}

/**
 * One tus upload for as long as the component lives, against the portal's endpoint and with the
 * session's token (asked before every request, refreshed once after a 401), and its state.
 */
export function useUploadController({ fingerprintPrefix, checkFile = checkFileType, attach, onAttached }: UploadControllerOptions) {
  const manager = useSessionManager();
  // The controller outlives renders: it calls whatever `attach` and `onAttached` the latest render gave.
  const attachRef = useRef(attach);
  attachRef.current = attach;
  const onAttachedRef = useRef(onAttached);
  onAttachedRef.current = onAttached;
  const [controller] = useState(
    () =>
      new UploadController({
        endpoint: UPLOADS_PATH,
        fingerprintPrefix,
        createUpload: createTusUpload,
        urlStorage: tusUrlStorage,
        accessToken: () => manager.accessToken(),
        recover: (used) => manager.recoverFromUnauthorized(used),
        probe: (url, token) => probeUpload(url, token),
        terminate: (url, token) => terminateUpload(url, token),
        checkFile,
        attach: async (uploadId, title) => {
          const errors = await attachRef.current(uploadId, title);
          if (errors.length === 0) onAttachedRef.current?.();
          return errors;
        },
      }),
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);

  useEffect(() => () => controller.dispose(), [controller]);

  return { controller, state };
}
