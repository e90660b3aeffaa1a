/** A campaign's heading and design facts, the same on the campaign page and a shared report's page. */
import { describeFactor, type FactorSpec } from '../../../../libs/charts/src/format';

export interface CampaignFactsOf {
  name: string;
  hypothesis: string;
  factor: unknown;
  plannedTechniques: readonly string[];
}

export function CampaignFacts({ campaign: c }: { campaign: CampaignFactsOf }) {
  return (
    <>
      <h1>{c.name}</h1>
      <dl className="facts">
        <dt>Hypothesis</dt>
        <dd>{c.hypothesis}</dd>
        <dt>Factor</dt>
        <dd>{describeFactor(c.factor as FactorSpec)}</dd>
        <dt>Planned techniques</dt>
        <dd>{c.plannedTechniques.join(', ')}</dd>
      </dl>
    </>
  );
}
