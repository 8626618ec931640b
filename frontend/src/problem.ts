/** RFC 9457 problem details as every CMS service answers them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** Words for a person: the detail, then each field error on its own line. */
export function describeProblem(problem: Problem | undefined, status: number): string {
  if (!problem || (!problem.detail && !problem.title)) {
    return status === 0 ? 'The server cannot be reached.' : `The request failed (HTTP ${status}).`;
  }
  const lines = [problem.detail ?? problem.title ?? ''];
  for (const error of problem.errors ?? []) {
    lines.push(`${error.field}: ${error.message}`);
  }
  return lines.join('\n');
}
