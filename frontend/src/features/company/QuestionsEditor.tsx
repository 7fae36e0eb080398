import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { FieldErrors } from '../../components/FieldErrors';
import { RequiredLabel } from '../../components/RequiredLabel';
import { TextField } from '../../components/TextField';
import type { AppError } from '../../lib/errors';
import { moveQuestion, removeQuestion } from './forms';

/** The agenda: one text field per question, in order, each movable and removable; a new one at the end. */
export function QuestionsEditor({ questions, onChange, errors }: { questions: readonly string[]; onChange: (next: string[]) => void; errors: Record<string, AppError[]> }) {
  const { t } = useTranslation();
  return (
    <fieldset className={`co-questions${errors.questions ? ' field--invalid' : ''}`}>
      <legend className="field__label">
        <RequiredLabel required>{t('company.meetingForm.questions')}</RequiredLabel>
      </legend>
      <ol className="co-questions__list">
        {questions.map((q, i) => (
          <li key={i} className="co-questions__item">
            <TextField
              label={t('company.meetingForm.question', { n: i + 1 })}
              value={q}
              maxLength={1000}
              onChange={(e) => onChange(questions.map((x, j) => (j === i ? e.target.value : x)))}
              errors={errors[`questions.${i}`]}
            />
            <div className="co-questions__actions">
              <Button variant="ghost" className="btn--small" disabled={i === 0} onClick={() => onChange(moveQuestion(questions, i, -1))} aria-label={t('company.meetingForm.up', { n: i + 1 })}>
                ↑
              </Button>
              <Button variant="ghost" className="btn--small" disabled={i === questions.length - 1} onClick={() => onChange(moveQuestion(questions, i, 1))} aria-label={t('company.meetingForm.down', { n: i + 1 })}>
                ↓
              </Button>
              <Button variant="link" onClick={() => onChange(removeQuestion(questions, i))} aria-label={t('company.meetingForm.remove', { n: i + 1 })}>
                {t('company.meetingForm.removeShort')}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <FieldErrors id="co-questions-error" errors={errors.questions} />
      <Button variant="secondary" className="btn--small" onClick={() => onChange([...questions, ''])} disabled={questions.length >= 30}>
        {t('company.meetingForm.addQuestion')}
      </Button>
    </fieldset>
  );
}
