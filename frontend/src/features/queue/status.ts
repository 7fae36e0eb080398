import type { QueueStatus } from '../../gql/graphql';

export type Tone = 'progress' | 'attention' | 'success' | 'danger' | 'neutral';

/** Green once registered, red when refused, amber while the citizen may act (the hearing). */
export function statusTone(status: QueueStatus): Tone {
  switch (status) {
    case 'REGISTERED':
      return 'success';
    case 'REFUSED':
      return 'danger';
    case 'HEARING':
      return 'attention';
    case 'REMOVED':
      return 'neutral';
    default:
      return 'progress';
  }
}

export const DECIDED: readonly QueueStatus[] = ['REGISTERED', 'REFUSED', 'REMOVED'];

export function isDecided(status: QueueStatus): boolean {
  return DECIDED.includes(status);
}

export type StepCode = 'filed' | 'review' | 'hearing' | 'decision';
export interface RouteStep {
  code: StepCode;
  state: 'done' | 'current' | 'upcoming';
}

/**
 * The route of §§13–17: filed → review (the automatic check, or the officer on the emergency path)
 * → the hearing, only when a refusal was announced → the decision. A decided application shows the
 * hearing step only if it had one.
 */
export function routeSteps(status: QueueStatus, hadHearing: boolean): RouteStep[] {
  const codes: StepCode[] = hadHearing || status === 'HEARING' ? ['filed', 'review', 'hearing', 'decision'] : ['filed', 'review', 'decision'];
  const current: StepCode = status === 'FILED' || status === 'IN_REVIEW' ? 'review' : status === 'HEARING' ? 'hearing' : 'decision';
  const at = codes.indexOf(current);
  return codes.map((code, i) => ({
    code,
    // A decision is the route's end: nothing is left "current" after it.
    state: i < at || (isDecided(status) && i === at) ? 'done' : i === at ? 'current' : 'upcoming',
  }));
}

/**
 * The certificates in force (kk first, then ru): the newest of each language, since a decision
 * taken again (after a hearing, a satisfied complaint) issues them anew.
 */
export function certificates<F extends { kind: string; createdAt: string }>(files: readonly F[]): F[] {
  const order = ['certificate_kk', 'certificate_ru'];
  const newest = new Map<string, F>();
  for (const f of files) {
    if (!order.includes(f.kind)) continue;
    const seen = newest.get(f.kind);
    if (!seen || Date.parse(f.createdAt) > Date.parse(seen.createdAt)) newest.set(f.kind, f);
  }
  return order.flatMap((kind) => newest.get(kind) ?? []);
}
