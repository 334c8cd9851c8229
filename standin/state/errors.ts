export interface UserErr {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export function ue(field: (string | number)[] | null, message: string, code?: string | null): UserErr {
  const e: UserErr = { field: field ? field.map(String) : null, message };
  if (code !== undefined) e.code = code;
  return e;
}

/** A GraphQL-level error carried out of a resolver (e.g. RESOURCE_NOT_FOUND for a wrong-type id). */
export class TopLevelError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
