/** One field an error answer names: where in the request body, and what is wrong with it in zh-CN. */
export interface Issue {
  path: string;
  message: string;
}

/**
 * An answer of the API that is not a success, as the portal and the designer both show it: status, the API's
 * stable code, the zh-CN message, the fields it names (422), and whatever else the error body carries (an import
 * report, the current revision of a conflict). Status 0 is a request that got no answer.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Issue[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The problem an error answer states; `fallback` is the message when its body says none (a proxy's 502 page). */
  static async of(
    response: Response,
    fallback = `服务暂时不可用（${response.status}）`,
  ): Promise<ApiProblem> {
    const json = (await response.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string; details?: Issue[] } & Record<string, unknown> }
      | undefined;
    const { code = 'error', message = fallback, details = [], ...extra } = json?.error ?? {};
    return new ApiProblem(response.status, code, message, details, extra);
  }
}
