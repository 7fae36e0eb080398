import { useTranslation } from 'react-i18next';
import './StepIndicator.css';

/** "Step 2 of 3" for wizards, readable by eye and by screen reader. */
export function StepIndicator({ steps, current }: { steps: readonly string[]; current: number }) {
  const { t } = useTranslation();
  return (
    <ol className="steps" aria-label={t('wizard.progress', { current: current + 1, total: steps.length })}>
      {steps.map((label, i) => (
        <li key={label} className={`steps__item ${i < current ? 'steps__item--done' : ''} ${i === current ? 'steps__item--current' : ''}`} aria-current={i === current ? 'step' : undefined}>
          <span className="steps__num" aria-hidden="true">
            {i + 1}
          </span>
          <span className="steps__label">{label}</span>
        </li>
      ))}
    </ol>
  );
}
