import type { DetailedError, HttpRequest, PreviousUpload, UploadOptions } from 'tus-js-client';
import { describe, expect, it, vi } from 'vitest';
import type { AppError } from '../errors';
import type { ProbeResult } from './tusHttp';
import { canContinue, type TusUpload, UploadController, type UploadControllerDeps, uploadError, uploadIdOf } from './UploadController';

class FakeUpload implements TusUpload {
  url: string | null = null;
  starts = 0;
  aborts: boolean[] = [];
  resumedFrom: PreviousUpload | null = null;
  constructor(
    readonly file: File,
    readonly options: UploadOptions,
    private readonly stored: () => PreviousUpload[],
  ) {}
  start() {
    this.starts++;
  }
  abort(shouldTerminate = false) {
    this.aborts.push(shouldTerminate);
    return Promise.resolve();
  }
  findPreviousUploads() {
    return Promise.resolve(this.stored());
  }
  resumeFromPreviousUpload(previous: PreviousUpload) {
    this.resumedFrom = previous;
    this.url = previous.uploadUrl;
  }
  // What tus-js-client would call while it works:
  progress(sent: number, total = 100) {
    this.options.onProgress?.(sent, total);
  }
  succeed(url: string) {
    this.url = url;
    this.options.onSuccess?.({ lastResponse: response(204, '') });
  }
  fail(error: Error) {
    this.options.onError?.(error);
  }
}

function response(status: number, body: string) {
  return { getStatus: () => status, getBody: () => body, getHeader: () => undefined, getUnderlyingObject: () => null };
}

function httpError(status: number, body = ''): DetailedError {
  return Object.assign(new Error(`tus: HTTP ${status}`), { originalResponse: response(status, body), originalRequest: {} as HttpRequest, causingError: null }) as DetailedError;
}

function stored(partial: Partial<PreviousUpload> = {}): PreviousUpload {
  return {
    size: 100,
    metadata: { filename: 'scan.pdf', title: 'Old title' },
    creationTime: '2026-11-21T10:00:00Z',
    urlStorageKey: 'tus::shanyraq:u1:c1:scan.pdf:100:1::42',
    uploadUrl: '/uploads/old',
    parallelUploadUrls: null,
    ...partial,
  };
}

function setup({ previous = [] as PreviousUpload[], probe = { state: 'alive', offset: 40, total: 100 } as ProbeResult, attachErrors = [] as AppError[][], check = null as AppError | null } = {}) {
  const uploads: FakeUpload[] = [];
  let storedUploads = [...previous];
  const token = { current: 'old-token' };
  const deps = {
    endpoint: '/uploads',
    fingerprintPrefix: 'shanyraq:u1:c1:',
    createUpload: (file: File, options: UploadOptions) => {
      const upload = new FakeUpload(file, options, () => storedUploads);
      uploads.push(upload);
      return upload;
    },
    urlStorage: {
      findAllUploads: vi.fn(async () => storedUploads),
      removeUpload: vi.fn(async (key: string) => {
        storedUploads = storedUploads.filter((u) => u.urlStorageKey !== key);
      }),
    },
    accessToken: vi.fn(async () => token.current),
    recover: vi.fn(async () => {
      token.current = 'new-token';
      return true;
    }),
    probe: vi.fn(async () => probe),
    terminate: vi.fn(async () => undefined),
    attach: vi.fn(async () => attachErrors.shift() ?? []),
    checkFile: vi.fn(async () => check),
  } satisfies UploadControllerDeps;
  const controller = new UploadController(deps);
  const file = new File([new Uint8Array(100)], 'scan.pdf', { type: 'application/pdf', lastModified: 1 });
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { controller, deps, uploads, file, flush, token, storedUploads: () => storedUploads };
}

describe('the upload controller', () => {
  it('uploads the chosen file with its title, then attaches it to the contract', async () => {
    const { controller, deps, uploads, file, flush } = setup();
    await controller.select(file);
    expect(controller.getSnapshot()).toMatchObject({ phase: 'ready', previous: null, total: 100 });
    controller.start('Payment receipt');
    const upload = uploads[0];
    expect(upload.starts).toBe(1);
    expect(upload.options.metadata).toEqual({ filename: 'scan.pdf', filetype: 'application/pdf', title: 'Payment receipt' });
    expect(upload.options.endpoint).toBe('/uploads');
    expect(await upload.options.fingerprint?.(file, upload.options)).toBe('shanyraq:u1:c1:scan.pdf:100:1');
    upload.progress(45);
    expect(controller.getSnapshot()).toMatchObject({ phase: 'uploading', sent: 45 });
    upload.succeed('/uploads/AbC-123_x');
    expect(controller.getSnapshot()).toMatchObject({ phase: 'attaching', uploadId: 'AbC-123_x' });
    await flush();
    expect(deps.attach).toHaveBeenCalledWith('AbC-123_x', 'Payment receipt');
    expect(controller.getSnapshot().phase).toBe('done');
  });

  it('pauses by aborting the request without deleting the upload, and resumes it', () => {
    const { controller, uploads, file } = setup();
    return controller.select(file).then(() => {
      controller.start('Receipt');
      const upload = uploads[0];
      upload.progress(30);
      controller.pause();
      expect(controller.getSnapshot()).toMatchObject({ phase: 'paused', sent: 30 });
      expect(upload.aborts).toEqual([false]);
      upload.progress(33); // the aborted request's last progress event
      expect(controller.getSnapshot().sent).toBe(30);
      controller.resume();
      expect(controller.getSnapshot().phase).toBe('uploading');
      expect(upload.starts).toBe(2);
    });
  });

  it('offers to continue an interrupted upload of the same file, from the offset the server holds', async () => {
    const { controller, deps, uploads, file } = setup({ previous: [stored()] });
    await controller.select(file);
    expect(deps.probe).toHaveBeenCalledWith('/uploads/old', 'old-token');
    expect(controller.getSnapshot().previous).toEqual({ offset: 40, total: 100, title: 'Old title' });
    controller.start('Old title', { continuePrevious: true });
    expect(uploads[0].resumedFrom?.uploadUrl).toBe('/uploads/old');
    expect(controller.getSnapshot()).toMatchObject({ phase: 'uploading', sent: 40 });
    expect(deps.terminate).not.toHaveBeenCalled();
  });

  it('starting over deletes the interrupted upload on the server', async () => {
    const { controller, deps, uploads, file, flush, storedUploads } = setup({ previous: [stored()] });
    await controller.select(file);
    controller.start('New title', { continuePrevious: false });
    await flush();
    expect(uploads[0].resumedFrom).toBeNull();
    expect(deps.terminate).toHaveBeenCalledWith('/uploads/old', 'old-token');
    expect(storedUploads()).toEqual([]);
    expect(controller.getSnapshot().sent).toBe(0);
  });

  it('forgets a stored upload the server no longer has instead of offering it', async () => {
    const { controller, deps, file, storedUploads } = setup({ previous: [stored()], probe: { state: 'gone' } });
    await controller.select(file);
    expect(controller.getSnapshot()).toMatchObject({ phase: 'ready', previous: null });
    expect(deps.urlStorage.removeUpload).toHaveBeenCalledWith(stored().urlStorageKey);
    expect(storedUploads()).toEqual([]);
  });

  it('lists the interrupted uploads of its own contract only', async () => {
    const mine = stored();
    const otherContract = stored({ urlStorageKey: 'tus::shanyraq:u1:c2:x.pdf:5:1::7', uploadUrl: '/uploads/x' });
    const { controller } = setup({ previous: [mine, otherContract] });
    expect(await controller.findInterrupted()).toEqual([{ key: mine.urlStorageKey, url: '/uploads/old', filename: 'scan.pdf', title: 'Old title', offset: 40, total: 100 }]);
  });

  it('stops on a refused file for good and forgets it', async () => {
    const { controller, uploads, file, flush, storedUploads } = setup();
    await controller.select(file);
    controller.start('Receipt');
    const upload = uploads[0];
    // tus stored the new upload when it was created; the server then refuses its first bytes.
    const key = 'tus::shanyraq:u1:c1:scan.pdf:100:1::9';
    storedUploads().push(stored({ urlStorageKey: key, uploadUrl: '/uploads/new' }));
    upload.fail(httpError(415, 'UPLOAD_TYPE_NOT_ALLOWED: Only PDF, JPEG and PNG files are accepted.\n'));
    const state = controller.getSnapshot();
    expect(state).toMatchObject({ phase: 'failed', failedStep: 'upload', error: { code: 'UPLOAD_TYPE_NOT_ALLOWED' } });
    expect(canContinue(state)).toBe(false);
    controller.resume();
    expect(controller.getSnapshot().phase).toBe('failed');
    await flush();
    expect(storedUploads().map((u) => u.urlStorageKey)).not.toContain(key);
  });

  it('lets a lost connection be continued', async () => {
    const { controller, uploads, file } = setup();
    await controller.select(file);
    controller.start('Receipt');
    uploads[0].fail(Object.assign(new Error('tus: failed to upload chunk'), { originalResponse: null }));
    expect(controller.getSnapshot().error).toEqual({ code: 'NETWORK' });
    expect(canContinue(controller.getSnapshot())).toBe(true);
    controller.resume();
    expect(controller.getSnapshot().phase).toBe('uploading');
    expect(uploads[0].starts).toBe(2);
  });

  it('sends the current token with every request and refreshes it once after a 401', async () => {
    const { controller, deps, uploads, file } = setup();
    await controller.select(file);
    controller.start('Receipt');
    const { onBeforeRequest, onShouldRetry } = uploads[0].options;
    const headers = new Map<string, string>();
    const request = { setHeader: (k: string, v: string) => headers.set(k, v) } as unknown as HttpRequest;
    await onBeforeRequest?.(request);
    expect(headers.get('Authorization')).toBe('Bearer old-token');
    expect(onShouldRetry?.(httpError(401, 'TOKEN_EXPIRED: The access token is not valid.'), 0, {})).toBe(true);
    expect(deps.recover).toHaveBeenCalledWith('old-token');
    await onBeforeRequest?.(request);
    expect(headers.get('Authorization')).toBe('Bearer new-token');
    expect(onShouldRetry?.(httpError(401), 1, {})).toBe(false);
  });

  it('retries what may pass later and not what will not', async () => {
    const { controller, uploads, file } = setup();
    await controller.select(file);
    const { onShouldRetry } = uploads[0].options;
    expect(onShouldRetry?.(httpError(423, 'UPLOAD_LOCKED: retry'), 0, {})).toBe(true);
    expect(onShouldRetry?.(httpError(409), 0, {})).toBe(true);
    expect(onShouldRetry?.(httpError(503), 0, {})).toBe(true);
    expect(onShouldRetry?.(httpError(413, 'UPLOAD_QUOTA_EXCEEDED: quota'), 0, {})).toBe(false);
    expect(onShouldRetry?.(httpError(415), 0, {})).toBe(false);
  });

  it('cancels by deleting the upload on the server', async () => {
    const { controller, uploads, file } = setup();
    await controller.select(file);
    controller.start('Receipt');
    uploads[0].progress(10);
    await controller.cancel();
    expect(uploads[0].aborts).toEqual([true]);
    expect(controller.getSnapshot().phase).toBe('idle');
  });

  it('keeps the transferred file when the attach fails, and retries it with a corrected title', async () => {
    const { controller, deps, uploads, file, flush } = setup({ attachErrors: [[{ code: 'TOO_LONG', field: 'title', params: { max: 300 } }]] });
    await controller.select(file);
    controller.start('x'.repeat(301));
    uploads[0].succeed('/uploads/u9');
    await flush();
    expect(controller.getSnapshot()).toMatchObject({ phase: 'failed', failedStep: 'attach', error: { code: 'TOO_LONG', field: 'title' } });
    controller.retryAttach('Receipt');
    await flush();
    expect(deps.attach).toHaveBeenLastCalledWith('u9', 'Receipt');
    expect(controller.getSnapshot().phase).toBe('done');
    expect(uploads[0].starts).toBe(1);
  });

  it('refuses before sending a file the client-side check rejects', async () => {
    const { controller, uploads, file } = setup({ check: { code: 'UPLOAD_TOO_LARGE', field: 'file' } });
    await controller.select(file);
    expect(controller.getSnapshot()).toMatchObject({ phase: 'failed', failedStep: 'check', error: { code: 'UPLOAD_TOO_LARGE' } });
    expect(uploads).toHaveLength(0);
    controller.start('Receipt');
    expect(controller.getSnapshot().phase).toBe('failed');
  });

  it('pauses a running upload when the page goes away', async () => {
    const { controller, uploads, file } = setup();
    await controller.select(file);
    controller.start('Receipt');
    controller.dispose();
    expect(uploads[0].aborts).toEqual([false]);
    expect(controller.getSnapshot().phase).toBe('paused');
  });
});

describe('reading tus answers', () => {
  it('takes the code from the server’s plain-text answer', () => {
    expect(uploadError(httpError(413, 'UPLOAD_QUOTA_EXCEEDED: Your unfinished…'))).toEqual({ code: 'UPLOAD_QUOTA_EXCEEDED' });
    expect(uploadError(httpError(415, ''))).toEqual({ code: 'UPLOAD_TYPE_NOT_ALLOWED' });
    expect(uploadError(httpError(401, 'garbage'))).toEqual({ code: 'UNAUTHENTICATED' });
    expect(uploadError(httpError(500, 'Internal Server Error'))).toEqual({ code: 'UPLOAD_FAILED' });
    expect(uploadError(new Error('offline'))).toEqual({ code: 'NETWORK' });
  });

  it('takes the upload id from the last segment of the upload URL', () => {
    expect(uploadIdOf('/uploads/YQPv9CVXuCimixMA7e4XDHwiLPdLJHRz')).toBe('YQPv9CVXuCimixMA7e4XDHwiLPdLJHRz');
    expect(uploadIdOf('http://127.0.0.1:8123/uploads/abc/?x=1')).toBe('abc');
  });
});
