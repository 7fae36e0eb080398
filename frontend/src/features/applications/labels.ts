import type { TFunction } from 'i18next';

/** "Other: <the applicant's words>" or the category's name. */
export function categoryLabel(t: TFunction, category: string, other?: string | null): string {
  const name = t(`applications.categories.${category}`, { defaultValue: category });
  return category === 'OTHER' && other ? `${name}: ${other}` : name;
}

export function typeLabel(t: TFunction, type: string): string {
  return t(`applications.types.${type}.title`, { defaultValue: type });
}

export function requirementLabel(t: TFunction, code: string): string {
  return t(`applications.documents.kinds.${code}`, { defaultValue: code });
}

/** Who did it, for people: the name recorded with the step, or what kind of actor it was. */
export function actorLabel(t: TFunction, actor: string, label: string): string {
  const kind = t(`applications.actors.${actor}`, { defaultValue: actor });
  return label ? `${label} · ${kind}` : kind;
}

export function historyActionLabel(t: TFunction, action: string): string {
  return t(`applications.history.actions.${action}`, { defaultValue: action });
}
