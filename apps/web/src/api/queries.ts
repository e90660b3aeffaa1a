/** Server state: one TanStack Query hook per read, keyed so that mutations and live events can refresh exactly what changed. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { hasRole, useSession } from './auth';
import { api, unwrap, type Schemas } from './client';

export type SampleKind = Schemas['SampleKind'];
export type SampleState = Schemas['SampleState'];
export type Technique = Schemas['Technique'];

export const keys = {
  samples: (q: object) => ['samples', q] as const,
  sampleByCode: (code: string) => ['sample', 'code', code] as const,
  sample: (id: string) => ['sample', id] as const,
  lineage: (id: string) => ['lineage', id] as const,
  history: (id: string) => ['history', id] as const,
  measurement: (id: string) => ['measurement', id] as const,
  sampleMeasurements: (sampleId: string) => ['measurements', sampleId] as const,
  analysisPlot: (id: string) => ['analysis', id, 'plot'] as const,
  alloys: ['alloys'] as const,
  campaigns: ['campaigns'] as const,
  campaign: (id: string) => ['campaign', id] as const,
  progress: (id: string) => ['progress', id] as const,
  report: (id: string) => ['report', id] as const,
  // Under the report's key, so what invalidates the report invalidates its figure too.
  transitions: (id: string) => ['report', id, 'transitions'] as const,
  shared: (token: string) => ['shared', token] as const,
  candidates: (id: string, q: object) => ['candidates', id, q] as const,
  users: ['users'] as const,
  projects: ['projects'] as const,
  projectMembers: (id: string) => ['projects', id, 'members'] as const,
  techniques: ['techniques'] as const,
};

export interface SampleFilter {
  codePrefix?: string;
  kind?: SampleKind;
  state?: SampleState;
  campaignId?: string;
}

export function useSamples(filter: SampleFilter, limit = 50) {
  return useQuery({
    queryKey: keys.samples({ ...filter, limit }),
    queryFn: ({ signal }) => unwrap(api.GET('/api/samples', { params: { query: { ...filter, limit } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The sample with this exact code (codes are upper-case; the search is not). */
export function useSampleByCode(code: string) {
  const upper = code.toUpperCase();
  return useQuery({
    queryKey: keys.sampleByCode(upper),
    queryFn: async ({ signal }) => {
      const page = await unwrap(api.GET('/api/samples', { params: { query: { codePrefix: upper, limit: 1 } }, signal }));
      const hit = page.items.find((s) => s.code === upper);
      if (!hit) return null;
      return unwrap(api.GET('/api/samples/{id}', { params: { path: { id: hit.id } }, signal }));
    },
  });
}

export function useLineage(id: string | undefined) {
  return useQuery({
    queryKey: keys.lineage(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => unwrap(api.GET('/api/samples/{id}/lineage', { params: { path: { id: id! } }, signal })),
  });
}

export function useHistory(id: string | undefined) {
  return useQuery({
    queryKey: keys.history(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => unwrap(api.GET('/api/samples/{id}/history', { params: { path: { id: id! } }, signal })),
  });
}

/** Every measurement of a sample with its files and latest analyses, in one request. */
export function useSampleMeasurements(sampleId: string | undefined) {
  return useQuery({
    queryKey: keys.sampleMeasurements(sampleId ?? ''),
    enabled: !!sampleId,
    queryFn: ({ signal }) => unwrap(api.GET('/api/samples/{id}/measurements', { params: { path: { id: sampleId! } }, signal })),
  });
}

/** A finished run with its curves; a run's result never changes once it has one. */
/** A finished run's plot panels (stored curves and fitted models); a run never changes once finished, so they are fetched once. */
export function useAnalysisPlot(id: string | undefined, finished: boolean) {
  return useQuery({
    queryKey: keys.analysisPlot(id ?? ''),
    enabled: !!id && finished,
    staleTime: Infinity,
    queryFn: ({ signal }) => unwrap(api.GET('/api/analyses/{id}/plot', { params: { path: { id: id! } }, signal })),
  });
}

export function useAlloys() {
  return useQuery({ queryKey: keys.alloys, queryFn: ({ signal }) => unwrap(api.GET('/api/alloys', { signal })), staleTime: 60_000 });
}

export function useCampaigns() {
  return useQuery({ queryKey: keys.campaigns, queryFn: ({ signal }) => unwrap(api.GET('/api/campaigns', { signal })) });
}

export type Factor = Schemas['CampaignFactorResponse'];

export function useCampaign(id: string) {
  return useQuery({
    queryKey: keys.campaign(id),
    queryFn: async ({ signal }) => {
      const c = await unwrap(api.GET('/api/campaigns/{id}', { params: { path: { id } }, signal }));
      return { ...c, factor: c.factor };
    },
  });
}

export function useProgress(id: string) {
  return useQuery({
    queryKey: keys.progress(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/campaigns/{id}/progress', { params: { path: { id } }, signal })),
  });
}

export type CampaignReport = Schemas['CampaignReportResponse'];

/** Where a report is read from: a campaign the user can see, or a share link (no account). */
export type ReportSource = { campaignId: string } | { shareToken: string };

/** The report of a source: the campaign's route, or the share link's (its 404 means invalid, expired or revoked). */
export function useReportOf(source: ReportSource) {
  return useQuery({
    queryKey: 'campaignId' in source ? keys.report(source.campaignId) : [...keys.shared(source.shareToken), 'report'],
    queryFn: ({ signal }) =>
      'campaignId' in source
        ? unwrap(api.GET('/api/campaigns/{id}/report', { params: { path: { id: source.campaignId } }, signal }))
        : unwrap(api.GET('/api/shared/{token}/report', { params: { path: { token: source.shareToken } }, signal })),
  });
}

/** The report's transitions figure (Fig. 4(c)) as data: its pieces and their curves. */
export function useTransitionsOf(source: ReportSource) {
  return useQuery({
    queryKey: 'campaignId' in source ? keys.transitions(source.campaignId) : [...keys.shared(source.shareToken), 'transitions'],
    queryFn: ({ signal }) =>
      'campaignId' in source
        ? unwrap(api.GET('/api/campaigns/{id}/report/transitions', { params: { path: { id: source.campaignId }, query: {} }, signal }))
        : unwrap(api.GET('/api/shared/{token}/report/transitions', { params: { path: { token: source.shareToken } }, signal })),
  });
}

export function useCandidates(id: string, codePrefix: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.candidates(id, { codePrefix }),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/campaigns/{id}/candidates', { params: { path: { id }, query: { codePrefix: codePrefix || undefined, limit: 50 } }, signal })),
  });
}

export function useUsers(enabled = true) {
  return useQuery({ queryKey: keys.users, enabled, queryFn: ({ signal }) => unwrap(api.GET('/api/users', { signal })) });
}

/** The projects the user belongs to, with their role in each (ADMIN: every project). */
export function useProjects() {
  return useQuery({ queryKey: keys.projects, staleTime: 60_000, queryFn: ({ signal }) => unwrap(api.GET('/api/projects', { signal })) });
}

/**
 * Whether the user holds the PI role in that project (an ADMIN: in any), which the API asks for a
 * campaign's PI powers — assigning pieces, sharing the report. Only hides controls; the API decides.
 */
export function useLeadsProject(projectId: string | undefined): boolean {
  const session = useSession();
  const projects = useProjects();
  if (hasRole(session, 'ADMIN')) return true;
  return !!projectId && projects.data?.find((p) => p.id === projectId)?.role === 'PI';
}

export function useProjectMembers(id: string) {
  return useQuery({
    queryKey: keys.projectMembers(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/projects/{id}/members', { params: { path: { id } }, signal })),
  });
}

/** The technique registry's descriptors (labels, modes, metric labels and units); fixed for a build. */
export function useTechniques() {
  return useQuery({ queryKey: keys.techniques, staleTime: Infinity, queryFn: ({ signal }) => unwrap(api.GET('/api/techniques', { signal })) });
}
