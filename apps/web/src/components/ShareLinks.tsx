/**
 * A PI's read-only links to this campaign's report, for people without an account (POST, GET and
 * DELETE /api/campaigns/:id/share). A link is signed and expires; its secret is shown once, when
 * it is made (the API never lists it again), with a button to copy it; every link is listed with
 * its expiry and can be revoked. The link opens the report page without signing in.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { DataTable } from './DataTable';
import { Field } from './Field';
import { MutationForm, useFormValues } from './Form';

type Link = Schemas['ShareLinkResponse'];
/** The API's longest life of a link (src/modules/reports/share-links.service.ts, SHARE_LINK_MAX_DAYS). */
const MAX_DAYS = 30;
const keyOf = (campaignId: string) => ['share-links', campaignId] as const;

function statusOf(link: Link, now: number): { text: string; live: boolean } {
  if (link.revokedAt) return { text: `revoked ${new Date(link.revokedAt).toLocaleString()}`, live: false };
  if (Date.parse(link.expiresAt) <= now) return { text: 'expired', live: false };
  return { text: 'active', live: true };
}

/** Copies text to the clipboard; where the page may not write to it, selects the text for Ctrl+C. */
async function copy(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    input?.select();
    return false;
  }
}

export function ShareLinks({ campaignId }: { campaignId: string }) {
  const queryClient = useQueryClient();
  const key = keyOf(campaignId);
  const links = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => unwrap(api.GET('/api/campaigns/{id}/share', { params: { path: { id: campaignId } }, signal })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const { values: f, bind } = useFormValues({ expiresInDays: '7' });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/campaigns/{id}/share', { params: { path: { id: campaignId } }, body: { expiresInDays: Number(f.expiresInDays) } })),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => unwrap(api.DELETE('/api/campaigns/{id}/share/{linkId}', { params: { path: { id: campaignId, linkId } } })),
    onSuccess: refresh,
  });
  const now = Date.now();
  return (
    <details className="card share-links">
      <summary>
        <h2>Share the report</h2>
      </summary>
      <p className="muted">
        A read-only link to this campaign&apos;s report for someone without an account: it opens the report and nothing else, until it expires or you revoke it.
      </p>
      <MutationForm
        mutation={create}
        label="Create a share link"
        submit="Create share link"
        fields={['expiresInDays']}
        after={create.data && <NewLink link={create.data} />}
      >
        <Field
          label="Expires in (days)"
          field="expiresInDays"
          type="number"
          min="1"
          max={MAX_DAYS}
          step="1"
          required
          hint={`1 to ${MAX_DAYS}`}
          {...bind('expiresInDays')}
        />
      </MutationForm>
      <h3>Links</h3>
      <DataTable
        label="Share links"
        columns={['Created', 'Expires', 'Status', { label: 'Action', hidden: true }]}
        loaded={links.isSuccess}
        rowCount={links.data?.length}
        empty="No share link yet."
      >
        {links.data?.map((l) => {
          const status = statusOf(l, now);
          const created = new Date(l.createdAt).toLocaleString();
          return (
            <tr key={l.id} data-link={l.id} className={status.live ? undefined : 'retracted'}>
              <td>{created}</td>
              <td>{new Date(l.expiresAt).toLocaleString()}</td>
              <td data-testid="share-status">{status.text}</td>
              <td>
                {status.live && (
                  <button type="button" disabled={revoke.isPending} onClick={() => revoke.mutate(l.id)} aria-label={`Revoke the link created ${created}`}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {revoke.error && (
        <p className="form-error" role="alert">
          {revoke.error.message}
        </p>
      )}
    </details>
  );
}

/** The link just made, shown once: the whole URL on this origin (what the browser reached, not the Host header the API saw) and a copy button. */
function NewLink({ link }: { link: Schemas['CreatedShareLinkResponse'] }) {
  const url = new URL(link.path, window.location.origin).href;
  const [copied, setCopied] = useState<boolean | null>(null);
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  return (
    <div className="new-link wide" role="status" data-testid="new-share-link">
      <Field label="Share link (shown once)" field="url" readOnly value={url} ref={setInput} onFocus={(e) => e.target.select()} frame="wide" />
      <p>
        <button type="button" onClick={() => void copy(url, input).then(setCopied)}>
          Copy link
        </button>{' '}
        {copied === true && <span className="ok">Copied.</span>}
        {copied === false && <span className="muted">Selected: press Ctrl+C to copy.</span>}{' '}
        <span className="muted">Valid until {new Date(link.expiresAt).toLocaleString()}.</span>{' '}
        {/* The same report read in the app (interactive figures), for a reader with a browser at hand. */}
        <a href={`/shared/${link.token}`}>Open the shared report in the app</a>
      </p>
    </div>
  );
}
