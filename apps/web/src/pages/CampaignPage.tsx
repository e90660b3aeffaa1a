/** One campaign: its design, the live progress matrix, assigning pieces (PI), and the report. */
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useParams } from 'react-router';
import { formatLevel, type FactorSpec } from '../../../../libs/charts/src/format';
import { useRunEvents } from '../api/events';
import { keys, useCampaign, useLeadsProject, useProgress } from '../api/queries';
import { AssignPieces } from '../components/AssignPieces';
import { DataTable } from '../components/DataTable';
import { CampaignFacts } from '../components/CampaignFacts';
import { ReportView } from '../components/ReportView';
import { ShareLinks } from '../components/ShareLinks';

export default function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const progress = useProgress(id);
  const leads = useLeadsProject(campaign.data?.projectId);
  const queryClient = useQueryClient();
  const pending = useRef<number | null>(null);

  // Any analysis finishing may move the matrix and the report; refresh at most twice a second.
  useRunEvents(() => {
    if (pending.current !== null) return;
    pending.current = window.setTimeout(() => {
      pending.current = null;
      void queryClient.invalidateQueries({ queryKey: keys.progress(id) });
      void queryClient.invalidateQueries({ queryKey: keys.report(id) });
    }, 500);
  });

  if (campaign.isPending) return <main id="main" className="page" aria-busy="true" />;
  if (!campaign.data) {
    return (
      <main id="main" className="page">
        <h1>Campaign</h1>
        <p>{campaign.error?.message ?? 'Not found.'}</p>
      </main>
    );
  }
  const c = campaign.data;
  const factor = c.factor as FactorSpec;
  const cell = (level: number, technique: string) => progress.data?.cells.find((x) => x.level === level && x.technique === technique);
  return (
    <main id="main" className="page campaign">
      <CampaignFacts campaign={c} />

      <section aria-labelledby="progress-title">
        <h2 id="progress-title">Progress</h2>
        <DataTable
          id="progress"
          label="Progress by level and technique"
          caption="analysed / planned pieces (uploaded, failed)"
          columns={['Level', ...c.plannedTechniques]}
        >
          {factor.levels.map((l) => (
            <tr key={l}>
              <th scope="row">{formatLevel(l, factor)}</th>
              {c.plannedTechniques.map((t) => {
                const x = cell(l, t);
                const done = x && x.planned > 0 && x.analysed >= x.planned;
                return (
                  <td key={t} className={done ? 'done' : x?.failed ? 'failed' : ''} data-cell={`${l}|${t}`}>
                    {x ? `${x.analysed} / ${x.planned}` : '—'}
                    {x && (x.uploaded > x.analysed || x.failed > 0) && (
                      <span className="muted">
                        {' '}
                        ({x.uploaded} up{x.failed ? `, ${x.failed} failed` : ''})
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </DataTable>
      </section>

      {leads && <AssignPieces campaignId={id} factor={factor} />}
      {leads && <ShareLinks campaignId={id} />}
      <ReportView source={{ campaignId: id }} campaignName={c.name} />
    </main>
  );
}
