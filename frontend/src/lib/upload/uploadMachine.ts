import type { AppError } from '../errors';

/**
 * The states of one document upload:
 *
 *   idle ─select→ checking ─checked→ ready ─start→ uploading ⇄ paused
 *                    └─rejected→ failed(check)     │   └─failed→ failed(upload) ─resume→ uploading
 *                                                  └─uploaded→ attaching ─attached→ done
 *                                                                 └─failed→ failed(attach) ─retryAttach→ attaching
 *   reset (cancel, "add another") → idle, from anywhere.
 *
 * Events that make no sense in the current state (a progress event that arrives after a pause,
 * a second start) change nothing.
 */
export type UploadPhase = 'idle' | 'checking' | 'ready' | 'uploading' | 'paused' | 'attaching' | 'done' | 'failed';
export type FailedStep = 'check' | 'upload' | 'attach';

export interface PreviousUploadInfo {
  /** Bytes the server already holds. */
  offset: number;
  total: number;
  /** The title typed when it started, if it was kept. */
  title: string;
}

export interface UploadState {
  phase: UploadPhase;
  file: { name: string; size: number } | null;
  sent: number;
  total: number;
  /** An unfinished upload of the selected file that can be continued. */
  previous: PreviousUploadInfo | null;
  error: AppError | null;
  failedStep: FailedStep | null;
  uploadId: string | null;
}

export type UploadEvent =
  | { type: 'select'; file: { name: string; size: number } }
  | { type: 'checked'; previous: PreviousUploadInfo | null }
  | { type: 'rejected'; error: AppError }
  | { type: 'start'; from: number }
  | { type: 'progress'; sent: number; total: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'uploaded'; uploadId: string }
  | { type: 'retryAttach' }
  | { type: 'attached' }
  | { type: 'failed'; error: AppError }
  | { type: 'reset' };

export const INITIAL_UPLOAD: UploadState = { phase: 'idle', file: null, sent: 0, total: 0, previous: null, error: null, failedStep: null, uploadId: null };

export function uploadReducer(state: UploadState, event: UploadEvent): UploadState {
  switch (event.type) {
    case 'select':
      if (!['idle', 'ready', 'done', 'failed'].includes(state.phase)) return state;
      return { ...INITIAL_UPLOAD, phase: 'checking', file: event.file, total: event.file.size };
    case 'checked':
      return state.phase === 'checking' ? { ...state, phase: 'ready', previous: event.previous } : state;
    case 'rejected':
      return state.phase === 'checking' ? { ...state, phase: 'failed', error: event.error, failedStep: 'check' } : state;
    case 'start':
      return state.phase === 'ready' ? { ...state, phase: 'uploading', sent: event.from, error: null, failedStep: null } : state;
    case 'progress':
      return state.phase === 'uploading' ? { ...state, sent: Math.min(event.sent, event.total), total: event.total } : state;
    case 'pause':
      return state.phase === 'uploading' ? { ...state, phase: 'paused' } : state;
    case 'resume':
      if (state.phase === 'paused' || (state.phase === 'failed' && state.failedStep === 'upload')) {
        return { ...state, phase: 'uploading', error: null, failedStep: null };
      }
      return state;
    case 'uploaded':
      // A pause pressed as the last bytes went out still ends in a finished upload.
      if (state.phase !== 'uploading' && state.phase !== 'paused') return state;
      return { ...state, phase: 'attaching', sent: state.total, uploadId: event.uploadId };
    case 'retryAttach':
      return state.phase === 'failed' && state.failedStep === 'attach' ? { ...state, phase: 'attaching', error: null, failedStep: null } : state;
    case 'attached':
      return state.phase === 'attaching' ? { ...state, phase: 'done' } : state;
    case 'failed':
      if (state.phase === 'uploading') return { ...state, phase: 'failed', error: event.error, failedStep: 'upload' };
      if (state.phase === 'attaching') return { ...state, phase: 'failed', error: event.error, failedStep: 'attach' };
      if (state.phase === 'checking') return { ...state, phase: 'failed', error: event.error, failedStep: 'check' };
      return state;
    case 'reset':
      return INITIAL_UPLOAD;
  }
}

export function percentOf(sent: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0;
}
