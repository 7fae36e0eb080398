import type { DetailedError, HttpRequest, PreviousUpload, UploadOptions, UrlStorage } from 'tus-js-client';
import { type AppError, isKnownCode } from '../errors';
import type { ProbeResult } from './tusHttp';
import { INITIAL_UPLOAD, type PreviousUploadInfo, type UploadEvent, uploadReducer, type UploadState } from './uploadMachine';

/** The part of tus-js-client's Upload the controller drives (a fake one in tests). */
export interface TusUpload {
  url: string | null;
  options: UploadOptions;
  start(): void;
  abort(shouldTerminate?: boolean): Promise<void>;
  findPreviousUploads(): Promise<PreviousUpload[]>;
  resumeFromPreviousUpload(previous: PreviousUpload): void;
}

export interface UploadControllerDeps {
  endpoint: string;
  /** Unique per account and contract, so a stored upload is only ever offered where it began. */
  fingerprintPrefix: string;
  createUpload: (file: File, options: UploadOptions) => TusUpload;
  urlStorage: Pick<UrlStorage, 'findAllUploads' | 'removeUpload'>;
  /** The current access token (it rotates: asked again before every request). */
  accessToken: () => Promise<string | null>;
  /** After a 401 with `usedToken`: refresh the session; true when a retry makes sense. */
  recover: (usedToken: string | null) => Promise<boolean>;
  probe: (url: string, token: string | null) => Promise<ProbeResult>;
  terminate: (url: string, token: string | null) => Promise<void>;
  /** contractDocumentAttach; the payload's errors, empty on success. */
  attach: (uploadId: string, title: string) => Promise<AppError[]>;
  checkFile: (file: File) => Promise<AppError | null>;
  chunkSize?: number;
  retryDelays?: number[];
}

/** An upload of this contract that a reload (or a closed tab) interrupted. */
export interface InterruptedUpload {
  key: string;
  url: string;
  filename: string;
  title: string;
  offset: number;
  total: number;
}

/** Failures after which the same upload cannot go on: only starting over helps. */
const FINAL_CODES = new Set(['UPLOAD_TYPE_NOT_ALLOWED', 'UPLOAD_REJECTED', 'UPLOAD_EXPIRED', 'UPLOAD_TOO_LARGE', 'UPLOAD_NOT_FOUND', 'UPLOAD_NOT_ALLOWED', 'UPLOAD_QUOTA_EXCEEDED', 'UPLOAD_TOO_MANY_OPEN']);

export function canContinue(state: UploadState): boolean {
  return state.phase === 'failed' && state.failedStep === 'upload' && !FINAL_CODES.has(state.error?.code ?? '');
}

/** The tus server answers "CODE: explanation" in plain text; the code is what the page localizes. */
export function uploadError(error: unknown): AppError {
  const response = (error as Partial<DetailedError> | null)?.originalResponse;
  if (!response) return { code: 'NETWORK' };
  const status = response.getStatus();
  const code = /^([A-Z][A-Z_]+):/.exec(response.getBody() ?? '')?.[1];
  if (code && isKnownCode(code)) return { code };
  if (status === 401) return { code: 'UNAUTHENTICATED' };
  if (status === 413) return { code: 'UPLOAD_TOO_LARGE' };
  if (status === 415) return { code: 'UPLOAD_TYPE_NOT_ALLOWED' };
  return { code: 'UPLOAD_FAILED' };
}

/** The upload id the attach mutation takes: the last path segment of the upload's URL. */
export function uploadIdOf(url: string): string {
  const path = url.split(/[?#]/)[0].replace(/\/+$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * One document upload of a contract with tus: check, resumable transfer with pause and resume,
 * continuing an upload interrupted by a reload, then attaching it. A store for React
 * (`subscribe`/`getSnapshot`); every state change goes through `uploadReducer`.
 */
export class UploadController {
  private state: UploadState = INITIAL_UPLOAD;
  private readonly listeners = new Set<() => void>();
  private upload: TusUpload | null = null;
  private file: File | null = null;
  private previous: PreviousUpload | null = null;
  private title = '';
  private selection = 0;
  private lastToken: string | null = null;
  private recovery: Promise<unknown> | null = null;
  private authRetries = 0;

  constructor(private readonly deps: UploadControllerDeps) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): UploadState => this.state;

  /** Checks the file, then looks for an unfinished upload of it to offer continuing. */
  async select(file: File): Promise<void> {
    if (!['idle', 'ready', 'done', 'failed'].includes(this.state.phase)) return;
    const selection = ++this.selection;
    this.upload = null;
    this.previous = null;
    this.file = file;
    this.dispatch({ type: 'select', file: { name: file.name, size: file.size } });
    const problem = await this.deps.checkFile(file);
    if (selection !== this.selection) return;
    if (problem) {
      this.dispatch({ type: 'rejected', error: problem });
      return;
    }
    const upload = this.deps.createUpload(file, this.options(file));
    this.upload = upload;
    let info: PreviousUploadInfo | null = null;
    try {
      const found = await upload.findPreviousUploads();
      const resumable = await this.firstResumable(found);
      if (resumable) {
        this.previous = resumable.stored;
        info = { offset: resumable.offset, total: resumable.total, title: resumable.stored.metadata?.title ?? '' };
      }
    } catch {
      // No storage (private mode): the upload simply starts from the beginning.
    }
    if (selection !== this.selection) return;
    this.dispatch({ type: 'checked', previous: info });
  }

  /** Starts the upload, or continues the unfinished one found for this file. */
  start(title: string, options: { continuePrevious?: boolean } = {}): void {
    const upload = this.upload;
    const file = this.file;
    if (this.state.phase !== 'ready' || !upload || !file) return;
    this.title = title;
    this.authRetries = 0;
    upload.options.metadata = { filename: file.name, filetype: file.type, title };
    let from = 0;
    if (options.continuePrevious && this.previous && this.state.previous) {
      upload.resumeFromPreviousUpload(this.previous);
      from = this.state.previous.offset;
    } else if (this.previous) {
      void this.forget(this.previous, true);
      this.previous = null;
    }
    this.dispatch({ type: 'start', from });
    upload.start();
  }

  pause(): void {
    if (this.state.phase !== 'uploading' || !this.upload) return;
    this.dispatch({ type: 'pause' });
    void this.upload.abort(false).catch(() => undefined);
  }

  /** After a pause or a failed connection: tus asks the server for its offset and goes on from there. */
  resume(): void {
    if (!this.upload || !(this.state.phase === 'paused' || canContinue(this.state))) return;
    this.authRetries = 0;
    this.dispatch({ type: 'resume' });
    this.upload.start();
  }

  /** Stops and deletes the upload on the server (freeing the quota), then back to the empty form. */
  async cancel(): Promise<void> {
    const upload = this.upload;
    this.selection++;
    this.upload = null;
    this.file = null;
    this.previous = null;
    this.dispatch({ type: 'reset' });
    if (upload) await upload.abort(true).catch(() => undefined);
  }

  /** The attach failed (say, a title the server refused): try it again, with a corrected title. */
  retryAttach(title?: string): void {
    if (this.state.phase !== 'failed' || this.state.failedStep !== 'attach') return;
    if (title !== undefined) this.title = title;
    this.dispatch({ type: 'retryAttach' });
    void this.attach();
  }

  /** Back to the empty form after a finished upload, or to drop a refused file. */
  reset(): void {
    if (this.state.phase === 'uploading' || this.state.phase === 'attaching') return;
    this.selection++;
    this.upload = null;
    this.file = null;
    this.previous = null;
    this.dispatch({ type: 'reset' });
  }

  /** Unfinished uploads of this contract kept in this browser, with how far each got. */
  async findInterrupted(): Promise<InterruptedUpload[]> {
    let stored: PreviousUpload[];
    try {
      stored = await this.deps.urlStorage.findAllUploads();
    } catch {
      return [];
    }
    const mine = stored.filter((u) => u.urlStorageKey.startsWith(`tus::${this.deps.fingerprintPrefix}`));
    const result: InterruptedUpload[] = [];
    for (const item of mine) {
      const alive = await this.aliveOffset(item);
      if (alive && item.uploadUrl) {
        result.push({ key: item.urlStorageKey, url: item.uploadUrl, filename: item.metadata?.filename ?? '', title: item.metadata?.title ?? '', ...alive });
      }
    }
    return result;
  }

  /** Drops an interrupted upload: deleted on the server, forgotten here. */
  async discard(item: InterruptedUpload): Promise<void> {
    await this.deps.terminate(item.url, await this.deps.accessToken());
    await this.deps.urlStorage.removeUpload(item.key).catch(() => undefined);
  }

  /** Leaving the page: a running upload pauses and stays continuable after a reload. */
  dispose(): void {
    if (this.state.phase !== 'uploading') return;
    this.dispatch({ type: 'pause' });
    void this.upload?.abort(false).catch(() => undefined);
  }

  private options(file: File): UploadOptions {
    const deps = this.deps;
    return {
      endpoint: deps.endpoint,
      chunkSize: deps.chunkSize ?? 64 * 1024 * 1024,
      retryDelays: deps.retryDelays ?? [0, 1000, 3000, 5000, 10000],
      metadata: { filename: file.name, filetype: file.type },
      fingerprint: (f: File) => Promise.resolve(`${deps.fingerprintPrefix}${f.name}:${f.size}:${f.lastModified}`),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: async (request: HttpRequest) => {
        if (this.recovery) await this.recovery;
        const token = await deps.accessToken();
        this.lastToken = token;
        if (token) request.setHeader('Authorization', `Bearer ${token}`);
      },
      onShouldRetry: (error: DetailedError) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        if (status === 401) {
          // The token expired mid-upload: refresh once, then the next request carries the new one.
          if (this.authRetries++ > 0) return false;
          this.recovery = deps.recover(this.lastToken).catch(() => false);
          return true;
        }
        if (status === 409 || status === 423) return true; // offset moved, or the previous request still holds it
        if (status >= 400 && status < 500) return false;
        return true; // no answer or a server fault: wait and try again
      },
      onProgress: (sent: number, total: number) => {
        this.dispatch({ type: 'progress', sent, total });
      },
      onSuccess: () => {
        this.authRetries = 0;
        const url = this.upload?.url;
        if (!url) return;
        this.dispatch({ type: 'uploaded', uploadId: uploadIdOf(url) });
        void this.attach();
      },
      onError: (error: Error) => {
        const problem = uploadError(error);
        this.dispatch({ type: 'failed', error: problem });
        if (FINAL_CODES.has(problem.code)) void this.forgetFile();
      },
    };
  }

  private async attach(): Promise<void> {
    const uploadId = this.state.uploadId;
    if (!uploadId) return;
    let errors: AppError[];
    try {
      errors = await this.deps.attach(uploadId, this.title);
    } catch {
      errors = [{ code: 'NETWORK' }];
    }
    if (errors.length > 0) this.dispatch({ type: 'failed', error: errors[0] });
    else this.dispatch({ type: 'attached' });
  }

  private async aliveOffset(item: PreviousUpload): Promise<{ offset: number; total: number } | null> {
    if (!item.uploadUrl) {
      await this.forget(item, false);
      return null;
    }
    const probe = await this.deps.probe(item.uploadUrl, await this.deps.accessToken());
    if (probe.state === 'gone') await this.forget(item, false);
    return probe.state === 'alive' ? { offset: probe.offset, total: probe.total } : null;
  }

  private async firstResumable(found: PreviousUpload[]): Promise<{ stored: PreviousUpload; offset: number; total: number } | null> {
    const newest = [...found].sort((a, b) => (b.creationTime ?? '').localeCompare(a.creationTime ?? ''));
    for (const stored of newest) {
      const alive = await this.aliveOffset(stored);
      if (alive) return { stored, ...alive };
    }
    return null;
  }

  /** Forgets a stored upload; `terminate` also deletes it on the server (starting over frees its quota). */
  private async forget(stored: PreviousUpload, terminate: boolean): Promise<void> {
    if (terminate && stored.uploadUrl) await this.deps.terminate(stored.uploadUrl, await this.deps.accessToken());
    await this.deps.urlStorage.removeUpload(stored.urlStorageKey).catch(() => undefined);
  }

  /** After a final failure, this file's stored upload would only fail again. */
  private async forgetFile(): Promise<void> {
    const upload = this.upload;
    if (!upload) return;
    try {
      for (const stored of await upload.findPreviousUploads()) await this.forget(stored, false);
    } catch {
      // Nothing stored.
    }
  }

  private dispatch(event: UploadEvent): void {
    const next = uploadReducer(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
