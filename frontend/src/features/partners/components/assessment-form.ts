import type { AssessmentPublic, AssessmentUpdate } from '@/client';
import type { DecisionAuthority } from '@/lib/vocabulary';

export const SCORE_FIELDS = ['trusted_by_survivors', 'connected_respected', 'influence', 'commitment'] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];

export interface AssessmentFormValues {
  trusted_by_survivors: number | string;
  connected_respected: number | string;
  influence: number | string;
  commitment: number | string;
  risks: string;
  champion: boolean;
  decision_authority: DecisionAuthority;
}

export function assessmentToForm(assessment: AssessmentPublic): AssessmentFormValues {
  return {
    trusted_by_survivors: assessment.trusted_by_survivors ?? '',
    connected_respected: assessment.connected_respected ?? '',
    influence: assessment.influence ?? '',
    commitment: assessment.commitment ?? '',
    risks: assessment.risks ?? '',
    champion: assessment.champion,
    decision_authority: assessment.decision_authority,
  };
}

/** An empty score means "not yet assessed" (null); anything else must be a whole number 1–5. */
export function scoreError(value: number | string): 'range' | null {
  if (value === '' || value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(number) && number >= 1 && number <= 5 ? null : 'range';
}

function score(value: number | string): number | null {
  if (value === '') return null;
  return typeof value === 'number' ? value : Number(value);
}

export function formToAssessmentUpdate(values: AssessmentFormValues): AssessmentUpdate {
  return {
    trusted_by_survivors: score(values.trusted_by_survivors),
    connected_respected: score(values.connected_respected),
    influence: score(values.influence),
    commitment: score(values.commitment),
    risks: values.risks.trim() || null,
    champion: values.champion,
    decision_authority: values.decision_authority,
  };
}
