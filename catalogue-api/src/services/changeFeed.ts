import { invalid } from '../http/errors';

/** As the API schema bounds it (api.schema.json Reason): what a feed entry can carry and a reader takes in. */
const MAX_REASON = 500;

/**
 * The editor's reason for a publish, withdrawal or cancellation, published with the change. The routes' schema
 * already refuses a missing or blank one; this holds for every other caller of the services too.
 */
export function requireReason(reason: string | undefined): string {
  const text = reason?.trim() ?? '';
  if (text === '' || text.length > MAX_REASON)
    throw invalid({ zh: '请写明理由', en: 'A reason is required' }, [
      {
        path: '/reason',
        message: text === '' ? '必须写明理由（将公开在变更记录中）' : `理由不能超过 ${MAX_REASON} 个字`,
      },
    ]);
  return text;
}
