import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FieldErrors } from '../../components/FieldErrors';
import { FormErrors } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { type CabinetRequestFieldsFragment, CabinetServiceRequestRateDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';

const SCORES = ['NOT_DONE', '1', '2', '3', '4', '5'] as const;
type Score = (typeof SCORES)[number];

/** Seed 004 "Оценить обращение": "Не выполнено 1 2 3 4 5", a comment, "Отправить" — once. */
export function RatingForm({ request, onRated }: { request: CabinetRequestFieldsFragment; onRated: (next: CabinetRequestFieldsFragment) => void }) {
  const { t } = useTranslation();
  const [, rate] = useMutation(CabinetServiceRequestRateDocument);
  const [score, setScore] = useState<Score | ''>('');
  const [comment, setComment] = useState('');
  const [scoreErrors, setScoreErrors] = useState<AppError[]>([]);
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!score) return setScoreErrors([{ code: 'RATING_REQUIRED', field: 'rating' }]);
    setScoreErrors([]);
    setBusy(true);
    const notDone = score === 'NOT_DONE';
    const result = await rate({ input: { id: request.id, rating: notDone ? null : Number(score), notDone, comment: comment.trim() } });
    setBusy(false);
    const payload = result.data?.serviceRequestRate;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.serviceRequest) {
      setScoreErrors(payload.errors.filter((e) => e.field === 'rating' || e.field === 'notDone'));
      return setErrors(payload.errors.filter((e) => e.field !== 'rating' && e.field !== 'notDone'));
    }
    setErrors([]);
    onRated(payload.serviceRequest);
  };

  return (
    <Card level={3} title={t('cabinetServices.rating.title')} id="rate">
      <form noValidate onSubmit={(e) => void send(e)}>
        <fieldset className="cs-rating" aria-invalid={scoreErrors.length > 0 || undefined} aria-describedby={scoreErrors.length ? 'rate-score-error' : undefined}>
          <legend>
            {t('cabinetServices.rating.score')} <span aria-hidden="true" className="required-mark">*</span>
          </legend>
          {SCORES.map((value) => (
            <label key={value}>
              <input type="radio" name="score" value={value} checked={score === value} onChange={() => {
                  setScore(value);
                  setScoreErrors([]);
                }} aria-label={value === 'NOT_DONE' ? t('cabinetServices.rating.notDone') : t('cabinetServices.rating.scoreOf', { n: value })} />
              <span aria-hidden="true">{value === 'NOT_DONE' ? t('cabinetServices.rating.notDone') : value}</span>
            </label>
          ))}
        </fieldset>
        <FieldErrors id="rate-score-error" errors={scoreErrors} />
        <TextAreaField label={t('cabinetServices.rating.comment')} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={2000} />
        <FormErrors errors={errors} />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('cabinetServices.rating.send')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** The rating given: "★★★★☆ 4 of 5" or "Not done", with the comment. */
export function GivenRating({ request }: { request: CabinetRequestFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <Card level={3} title={t('cabinetServices.rating.given')} id="rating">
      <p>
        {request.ratingNotDone ? (
          <strong>{t('cabinetServices.rating.notDone')}</strong>
        ) : (
          <>
            <span className="cs-stars" aria-hidden="true">
              {'★'.repeat(request.rating ?? 0)}
              {'☆'.repeat(5 - (request.rating ?? 0))}
            </span>{' '}
            <strong>{t('cabinetServices.rating.outOf', { n: request.rating ?? 0 })}</strong>
          </>
        )}
      </p>
      {request.ratingComment && <p className="cs-comment">{request.ratingComment}</p>}
    </Card>
  );
}
