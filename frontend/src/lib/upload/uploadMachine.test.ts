import { describe, expect, it } from 'vitest';
import { INITIAL_UPLOAD, percentOf, type UploadEvent, uploadReducer, type UploadState } from './uploadMachine';

const file = { name: 'scan.pdf', size: 100 };

function run(events: UploadEvent[], from: UploadState = INITIAL_UPLOAD): UploadState {
  return events.reduce(uploadReducer, from);
}

describe('the upload state machine', () => {
  it('goes from a chosen file to an attached document', () => {
    const states = [
      { type: 'select', file },
      { type: 'checked', previous: null },
      { type: 'start', from: 0 },
      { type: 'progress', sent: 60, total: 100 },
      { type: 'uploaded', uploadId: 'u1' },
      { type: 'attached' },
    ].reduce<UploadState[]>((acc, e) => [...acc, uploadReducer(acc[acc.length - 1], e as UploadEvent)], [INITIAL_UPLOAD]);
    expect(states.map((s) => s.phase)).toEqual(['idle', 'checking', 'ready', 'uploading', 'uploading', 'attaching', 'done']);
    expect(states[4].sent).toBe(60);
    expect(states[5]).toMatchObject({ uploadId: 'u1', sent: 100 });
  });

  it('pauses, ignores progress that arrives after the pause, and resumes', () => {
    const paused = run([{ type: 'select', file }, { type: 'checked', previous: null }, { type: 'start', from: 0 }, { type: 'progress', sent: 30, total: 100 }, { type: 'pause' }]);
    expect(paused).toMatchObject({ phase: 'paused', sent: 30 });
    expect(run([{ type: 'progress', sent: 35, total: 100 }], paused)).toBe(paused);
    expect(run([{ type: 'pause' }], paused)).toBe(paused);
    expect(run([{ type: 'resume' }, { type: 'progress', sent: 50, total: 100 }], paused)).toMatchObject({ phase: 'uploading', sent: 50 });
  });

  it('starts from the offset of an interrupted upload it continues', () => {
    const previous = { offset: 40, total: 100, title: 'Receipt' };
    const ready = run([{ type: 'select', file }, { type: 'checked', previous }]);
    expect(ready.previous).toEqual(previous);
    expect(run([{ type: 'start', from: 40 }], ready)).toMatchObject({ phase: 'uploading', sent: 40 });
  });

  it('remembers which step failed: a failed transfer resumes, a failed attach retries', () => {
    const uploading = run([{ type: 'select', file }, { type: 'checked', previous: null }, { type: 'start', from: 0 }]);
    const lost = run([{ type: 'failed', error: { code: 'NETWORK' } }], uploading);
    expect(lost).toMatchObject({ phase: 'failed', failedStep: 'upload', error: { code: 'NETWORK' } });
    expect(run([{ type: 'resume' }], lost)).toMatchObject({ phase: 'uploading', error: null, failedStep: null });
    expect(run([{ type: 'retryAttach' }], lost)).toBe(lost);

    const attaching = run([{ type: 'uploaded', uploadId: 'u1' }], uploading);
    const refused = run([{ type: 'failed', error: { code: 'TOO_LONG', field: 'title' } }], attaching);
    expect(refused).toMatchObject({ phase: 'failed', failedStep: 'attach' });
    expect(run([{ type: 'resume' }], refused)).toBe(refused);
    expect(run([{ type: 'retryAttach' }, { type: 'attached' }], refused).phase).toBe('done');
  });

  it('refuses a file the client-side check rejects', () => {
    const state = run([{ type: 'select', file }, { type: 'rejected', error: { code: 'UPLOAD_TYPE_NOT_ALLOWED', field: 'file' } }]);
    expect(state).toMatchObject({ phase: 'failed', failedStep: 'check' });
    expect(run([{ type: 'select', file: { name: 'ok.pdf', size: 5 } }], state)).toMatchObject({ phase: 'checking', error: null, file: { name: 'ok.pdf' } });
  });

  it('ignores what makes no sense in the current state', () => {
    const uploading = run([{ type: 'select', file }, { type: 'checked', previous: null }, { type: 'start', from: 0 }]);
    expect(run([{ type: 'select', file: { name: 'other.pdf', size: 1 } }], uploading)).toBe(uploading);
    expect(run([{ type: 'start', from: 0 }], uploading)).toBe(uploading);
    expect(run([{ type: 'attached' }], uploading)).toBe(uploading);
    expect(run([{ type: 'start', from: 0 }])).toBe(INITIAL_UPLOAD);
  });

  it('resets from anywhere', () => {
    const paused = run([{ type: 'select', file }, { type: 'checked', previous: null }, { type: 'start', from: 0 }, { type: 'pause' }]);
    expect(run([{ type: 'reset' }], paused)).toEqual(INITIAL_UPLOAD);
  });

  it('rounds the percentage down, so 100% means done', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
  });
});
