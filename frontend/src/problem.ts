/** RFC 9457 problem details as every CMS service answers them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  /** 412: the version the server holds now. */
  currentVersion?: number;
  /** 409 on a workflow transition: what the caller may do instead. */
  allowedActions?: string[];
  currentStatus?: string;
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

/** Field errors keyed by field path (e.g. "heroImage.alt"), for showing next to the inputs. */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    out[error.field] = out[error.field] ? `${out[error.field]}; ${error.message}` : error.message;
  }
  return out;
}

/** A problem raised by the API client: the HTTP status plus the parsed problem body, when there was one. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | undefined) {
    super(describeProblem(problem, status));
    this.name = 'ApiError';
  }

  get isConflict(): boolean {
    return this.status === 412;
  }
}

/** A readable message from anything a promise may reject with. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server cannot be reached.';
  if (error instanceof Error) return error.message;
  return String(error);
}
