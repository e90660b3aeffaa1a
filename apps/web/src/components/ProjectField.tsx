/**
 * The project a new ingot or campaign goes into, for someone in more than one project (ADMIN:
 * any project). With one project there is nothing to choose and the API puts it there.
 */
import { useProjects } from '../api/queries';
import { SelectField } from './Field';

/** The projects to choose from, and the one chosen (the first until another is picked). */
export function useProjectChoice(picked: string) {
  const projects = useProjects();
  const list = projects.data ?? [];
  return { projects: list, projectId: list.length > 1 ? picked || list[0].id : undefined };
}

export function ProjectField({
  projects,
  value,
  onChange,
}: {
  projects: { id: string; name: string }[];
  value: string | undefined;
  onChange: (e: { target: { value: string } }) => void;
}) {
  if (projects.length < 2 || value === undefined) return null;
  return <SelectField label="Project" field="projectId" value={value} onChange={onChange} options={projects.map((p) => ({ value: p.id, label: p.name }))} />;
}
