/**
 * A shared report (`/shared/<token>`): what a PI's share link opens in the app, without an
 * account. Only that one report, read-only; a link that is invalid, expired or revoked says so
 * in plain words and shows nothing else.
 */
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useReportOf } from '../api/queries';
import { CampaignFacts } from '../components/CampaignFacts';
import { ReportView } from '../components/ReportView';

export default function SharedReportPage() {
  const { token = '' } = useParams();
  const source = { shareToken: token };
  const report = useReportOf(source);
  const c = report.data?.campaign;
  return (
    <>
      <header className="top">
        <span className="brand">Vitrack</span>
        <span className="role">Shared report, read-only</span>
      </header>
      {report.isPending ? (
        <main id="main" className="page" aria-busy="true">
          <p>Loading…</p>
        </main>
      ) : !c ? (
        <main id="main" className="page">
          <h1>Shared report</h1>
          <p data-testid="shared-gone">
            {report.error instanceof ApiError && report.error.status === 404
              ? 'This share link is invalid, expired or revoked. Ask the person who sent it for a new one.'
              : 'The report could not be loaded; try again later.'}
          </p>
        </main>
      ) : (
        <main id="main" className="page campaign">
          <CampaignFacts campaign={c} />
          <ReportView source={source} campaignName={c.name} />
        </main>
      )}
    </>
  );
}
