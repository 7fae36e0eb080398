import type { CabinetMeetingResultFieldsFragment, VoteChoice } from '../../gql/graphql';
import { formatArea, formatShare } from './format';

/** The choices of a ballot, in the order the ballot offers them. */
export const VOTE_CHOICES: readonly VoteChoice[] = ['FOR', 'AGAINST', 'ABSTAIN'];

export interface ResultRow {
  key: 'for' | 'against' | 'abstain';
  area: string;
  share: string;
}

// Shares are of the building's whole area (all are computed alike, so that they add up), to 2 decimals of a percent.
function shareOf(area: string, total: string): string {
  const a = Number(area);
  const whole = Number(total);
  if (!Number.isFinite(a) || !Number.isFinite(whole) || whole <= 0) return '0';
  return String(a / whole);
}

/**
 * One line per choice: its area in m² and its share of the building's total area (the measure
 * a decision needs: more than half of all the area, not of the votes), and the turnout.
 */
export function resultRows(result: CabinetMeetingResultFieldsFragment, locale: string): { rows: ResultRow[]; turnout: string; voted: string; total: string } {
  const row = (key: ResultRow['key'], area: string): ResultRow => ({
    key,
    area: formatArea(area, locale),
    share: formatShare(shareOf(area, result.totalArea), locale),
  });
  return {
    rows: [row('for', result.forArea), row('against', result.againstArea), row('abstain', result.abstainArea)],
    turnout: formatShare(shareOf(result.votedArea, result.totalArea), locale),
    voted: formatArea(result.votedArea, locale),
    total: formatArea(result.totalArea, locale),
  };
}
