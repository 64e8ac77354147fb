/** Who loaded the Guilin seeds (catalogue-api's seedDatabase): no person, so it is named for what it was. */
const SEEDED_BY = 'seed';

/** A user name as a person reads it: an identifier, so set as code; the seed loader as 初始数据. */
export function UserName({ username }: { username?: string | null }) {
  if (!username) return null;
  if (username === SEEDED_BY) return <>初始数据导入</>;
  return <code className="ds-username">{username}</code>;
}
