import './ProgressBar.css';

/**
 * A determinate progress bar: its value as a percentage for assistive technology, `valueText`
 * for the spoken form ("45% — 36 MB of 80 MB"). Not a live region: whoever owns it announces
 * the moments that matter (paused, finished) instead of every percent.
 */
export function ProgressBar({ value, max, label, valueText, paused = false }: { value: number; max: number; label: string; valueText: string; paused?: boolean }) {
  const percent = max > 0 ? Math.min(100, Math.max(0, Math.floor((value / max) * 100))) : 0;
  return (
    <div
      className={`progress ${paused ? 'progress--paused' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
    >
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
