import type { User } from '@oneseal/schemas';
import type { WhereOptions } from 'sequelize';
import { Op } from 'sequelize';
import { hashPassword, verifyPassword } from '../auth/password';
import type { Principal, Role } from '../auth/roles';
import { inScope } from '../auth/roles';
import type { IssuedToken, TokenSigner } from '../auth/tokens';
import type { AuditRow, UserRow } from '../db/models';
import { conflict, forbidden, unauthorized } from '../http/errors';
import { audit } from './audit';
import type { LoginLockout } from './loginLockout';
import type { Store } from './store';
import { inTransaction } from './store';
import { asDate } from './chinaDate';

const publicUser = (u: UserRow): User => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role as Role,
  regionCode: u.regionCode,
});

/** Signs a user in; wrong passwords count against the user from this address (LoginLockout). */
export async function login(
  store: Store,
  signer: TokenSigner,
  lockout: LoginLockout,
  username: string,
  password: string,
  address: string,
): Promise<IssuedToken & { user: User }> {
  await lockout.attempt(username, address);
  const user = await store.models.User.findByPk(username);
  // Verify against a real hash even for unknown users, so timing does not reveal which names exist.
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : (await verifyPassword(password, DUMMY_HASH), false);
  if (!user || !ok || user.disabled) {
    await lockout.failed(username, address);
    throw unauthorized({ zh: '用户名或密码错误', en: 'Wrong user name or password' });
  }
  await lockout.succeeded(username, address);
  return {
    ...signer.issue({ username: user.username, role: user.role as Role, regionCode: user.regionCode }),
    user: publicUser(user),
  };
}

// A valid scrypt hash of a random password, used only to spend the same time on unknown user names.
const DUMMY_HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$2E5zqP0QyQxZrR8w8mM1u5wqJ8oF6u2bDq6rYj0X2bU';

/** The user behind a token, if still enabled: a disabled account stops working at once. */
export async function activePrincipal(store: Store, principal: Principal): Promise<Principal | undefined> {
  const user = await store.models.User.findByPk(principal.username, {
    attributes: ['username', 'role', 'regionCode', 'disabled'],
  });
  if (!user || user.disabled) return undefined;
  return { username: user.username, role: user.role as Role, regionCode: user.regionCode };
}

export async function listUsers(store: Store, actor: Principal): Promise<User[]> {
  const rows = await store.models.User.findAll({ order: [['username', 'ASC']] });
  return rows.filter((u) => inScope(actor, u.regionCode)).map(publicUser);
}

export async function createUser(
  store: Store,
  actor: Principal,
  input: User & { password: string },
): Promise<User> {
  if (!inScope(actor, input.regionCode))
    throw forbidden({ zh: '只能为本辖区创建用户', en: 'Users can only be created inside your region' });
  if (actor.role !== 'city-admin' && input.role === 'city-admin')
    throw forbidden({
      zh: '只有市级管理员可以创建市级管理员',
      en: 'Only a city admin can create a city admin',
    });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(store, async (t) => {
    if (await store.models.User.findByPk(input.username, { transaction: t }))
      throw conflict('exists', { zh: `用户名 ${input.username} 已存在`, en: 'The user name is taken' });
    const row = await store.models.User.create(
      {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        regionCode: input.regionCode,
        passwordHash,
        disabled: false,
        createdAt: new Date(),
      },
      { transaction: t },
    );
    await audit(store, t, actor, {
      action: 'create',
      entityType: 'user',
      entityKey: input.username,
      regionCode: input.regionCode,
      after: publicUser(row),
    });
    return publicUser(row);
  });
}

export async function listAudit(
  store: Store,
  actor: Principal,
  filters: { entityType?: string; entityKey?: string; limit?: number; before?: number },
) {
  const where: WhereOptions<AuditRow>[] = [];
  if (filters.entityType) where.push({ entityType: filters.entityType });
  if (filters.entityKey) where.push({ entityKey: filters.entityKey });
  if (filters.before) where.push({ id: { [Op.lt]: filters.before } });
  // Codes inside a county or city share its leading digits (450321…, 4503…).
  const prefix = actor.regionCode.length === 6 ? actor.regionCode.replace(/(00)+$/, '') : actor.regionCode;
  where.push({ regionCode: { [Op.like]: `${prefix}%` } });
  const rows = await store.models.AuditEntry.findAll({
    where: { [Op.and]: where },
    order: [['id', 'DESC']],
    limit: filters.limit ?? 50,
  });
  return rows.map((r) => ({
    id: r.id,
    // MySQL gives DATETIME as its own text: every answer gives ISO 8601.
    at: asDate(r.at).toISOString(),
    username: r.username,
    role: r.role,
    action: r.action,
    entityType: r.entityType,
    entityKey: r.entityKey,
    regionCode: r.regionCode,
    before: r.before,
    after: r.after,
  }));
}
