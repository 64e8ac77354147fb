import { actorName } from '@oneseal/schemas';

/** A user name as a person reads it: an identifier, so set as code; the seed loader by what it was (系统导入). */
export function UserName({ username }: { username?: string | null }) {
  if (!username) return null;
  const name = actorName(username);
  return name === username ? <code className="ds-username">{username}</code> : <>{name}</>;
}
