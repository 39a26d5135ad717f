/**
 * The administrator's use cases on officer accounts. Two rules hold whoever asks: no one changes their own
 * role or scope (nor disables themselves), and at least one enabled administrator always remains.
 */
import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';
import type { Role } from '../../workflows/domain.js';
import { DEMO_PASSWORD } from '../../prisma/seed.js';
import { hashPassword, verifyPassword } from '../infra/passwords.js';
import { AppError, notFound } from './errors.js';
import { auditAdminAction, resolveScope, revokeSessions, toOfficerView, type ScopeFields } from './officers.js';
import type { Officer } from './sessions.js';

type OfficerView = ReturnType<typeof toOfficerView>;
type Tx = Prisma.TransactionClient;

interface Profile {
  displayName?: string | undefined;
  email?: string | null | undefined;
  citizenId?: string | null | undefined;
}

export interface NewOfficer extends ScopeFields, Profile {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface OfficerPatch extends ScopeFields, Profile {
  role?: Role | undefined;
}

/** Serialises every change that could remove an administrator, so two admins demoting each other cannot both win. */
const ADMIN_LOCK_KEY = 72707370;

async function lockAdmins(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ADMIN_LOCK_KEY})`);
}

/** Refuses when the account is the last enabled administrator (called under the admin lock). */
async function keepOneAdmin(tx: Tx, accountId: string): Promise<void> {
  const others = await tx.officerAccount.count({ where: { role: 'admin', disabled: false, id: { not: accountId } } });
  if (others === 0) throw new AppError('LAST_ADMIN', 'This is the last enabled administrator: appoint another first');
}

async function loadAccount(prisma: PrismaClient | Tx, username: string) {
  const account = await prisma.officerAccount.findUnique({ where: { username } });
  if (!account) throw notFound('Officer');
  return account;
}

export async function listOfficers(
  prisma: PrismaClient,
  filter: { role?: Role | undefined; ward?: string | undefined },
): Promise<OfficerView[]> {
  const rows = await prisma.officerAccount.findMany({
    where: { ...(filter.role ? { role: filter.role } : {}), ...(filter.ward ? { wardCode: filter.ward } : {}) },
    orderBy: { username: 'asc' },
  });
  return rows.map(toOfficerView);
}

export async function createOfficer(prisma: PrismaClient, admin: Officer, input: NewOfficer): Promise<OfficerView> {
  const { password, role, wardCode, associationCode, groupCode, bankOfficeCode, ...profile } = input;
  const scope = await resolveScope(prisma, role, { wardCode, associationCode, groupCode, bankOfficeCode });
  if (await prisma.officerAccount.findUnique({ where: { username: profile.username } })) {
    throw new AppError('USERNAME_TAKEN', `Username ${profile.username} is taken`, [
      { path: 'username', message: 'taken' },
    ]);
  }
  const passwordHash = await hashPassword(password);
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.officerAccount.create({ data: { ...profile, role, ...scope, passwordHash } });
    await auditAdminAction(tx, admin, 'OFFICER_CREATED', { username: row.username, role, ...scope });
    return row;
  });
  return toOfficerView(created);
}

const last4 = (citizenId: string | null | undefined): string | null => (citizenId ? citizenId.slice(-4) : null);

export async function changeOfficer(
  prisma: PrismaClient,
  admin: Officer,
  username: string,
  patch: OfficerPatch,
): Promise<OfficerView> {
  const account = await loadAccount(prisma, username);
  const role = patch.role ?? (account.role as Role);
  const scope = await resolveScope(prisma, role, { ...account, ...patch });
  const before = {
    role: account.role,
    wardCode: account.wardCode,
    associationCode: account.associationCode,
    groupCode: account.groupCode,
    bankOfficeCode: account.bankOfficeCode,
  };
  // The citizen ID is what the conflict-of-interest rule matches an officer's own household on: changing it
  // changes what the officer may decide, so it is an authority change like a role or a scope.
  const citizenIdChanged = patch.citizenId !== undefined && patch.citizenId !== account.citizenId;
  const authorityChanged =
    citizenIdChanged ||
    role !== account.role ||
    Object.entries(scope).some(([key, value]) => before[key as keyof typeof scope] !== value);
  // An administrator who made themselves a bank manager could confirm loans: authority is always someone else's call.
  if (authorityChanged && account.id === admin.id) {
    throw new AppError(
      'SELF_CHANGE_FORBIDDEN',
      'No one changes their own role, scope or citizen ID: ask another administrator',
    );
  }
  const updated = await prisma.$transaction(async (tx) => {
    if (account.role === 'admin' && role !== 'admin') {
      await lockAdmins(tx);
      await keepOneAdmin(tx, account.id);
    }
    const row = await tx.officerAccount.update({
      where: { id: account.id },
      data: {
        ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(patch.citizenId !== undefined ? { citizenId: patch.citizenId } : {}),
        role,
        ...scope,
      },
    });
    // Tokens carry no authority of their own, but a changed role or scope starts a new session anyway.
    if (authorityChanged) await revokeSessions(tx, account.id);
    await auditAdminAction(tx, admin, 'OFFICER_CHANGED', {
      username,
      role,
      ...scope,
      authorityChanged,
      ...(authorityChanged ? { before } : {}),
      // The audit trail is exported as CSV: it keeps the last 4 digits, never a whole citizen ID.
      ...(citizenIdChanged
        ? {
            citizenIdChanged,
            citizenIdLast4Before: last4(account.citizenId),
            citizenIdLast4After: last4(patch.citizenId),
          }
        : {}),
    });
    return row;
  });
  return toOfficerView(updated);
}

/**
 * `refuseDemoPasswords` is set in production, where the start-up check refuses enabled accounts that still
 * have the demo password: enabling one would let it log in with the password everyone knows.
 */
export async function setOfficerDisabled(
  prisma: PrismaClient,
  admin: Officer,
  username: string,
  disabled: boolean,
  options: { refuseDemoPasswords?: boolean } = {},
): Promise<OfficerView> {
  if (disabled && username === admin.username) {
    throw new AppError('SELF_CHANGE_FORBIDDEN', 'An administrator cannot disable their own account');
  }
  const account = await loadAccount(prisma, username);
  if (!disabled && options.refuseDemoPasswords && (await verifyPassword(DEMO_PASSWORD, account.passwordHash))) {
    throw new AppError('DEMO_PASSWORD_IN_USE', `${username} still has the demo password: reset it before enabling`);
  }
  const updated = await prisma.$transaction(async (tx) => {
    if (disabled && account.role === 'admin') {
      await lockAdmins(tx);
      await keepOneAdmin(tx, account.id);
    }
    const row = await tx.officerAccount.update({ where: { id: account.id }, data: { disabled } });
    if (disabled) await revokeSessions(tx, account.id);
    await auditAdminAction(tx, admin, disabled ? 'OFFICER_DISABLED' : 'OFFICER_ENABLED', {
      username,
      role: account.role,
    });
    return row;
  });
  return toOfficerView(updated);
}

export async function resetOfficerPassword(
  prisma: PrismaClient,
  admin: Officer,
  username: string,
  password: string,
): Promise<OfficerView> {
  const account = await loadAccount(prisma, username);
  const passwordHash = await hashPassword(password);
  const updated = await prisma.$transaction(async (tx) => {
    const row = await tx.officerAccount.update({ where: { id: account.id }, data: { passwordHash } });
    await revokeSessions(tx, account.id);
    await auditAdminAction(tx, admin, 'OFFICER_PASSWORD_RESET', { username });
    return row;
  });
  return toOfficerView(updated);
}

export interface NewAdministrator {
  username: string;
  displayName: string;
  email?: string | undefined;
  password: string;
}

/**
 * The first administrator of an installation (`npm run admin:create`), or a new one when every administrator
 * has been locked out: whoever can run it already holds the database. Refuses a username that exists.
 */
export async function createAdministrator(prisma: PrismaClient, input: NewAdministrator): Promise<OfficerView> {
  if (await prisma.officerAccount.findUnique({ where: { username: input.username } })) {
    throw new AppError('USERNAME_TAKEN', `Username ${input.username} is taken`, [
      { path: 'username', message: 'taken' },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  const tool: Officer = {
    id: 'admin:create',
    username: 'admin:create',
    displayName: 'npm run admin:create',
    role: 'admin',
    wardCode: null,
    associationCode: null,
    groupCode: null,
    bankOfficeCode: null,
    citizenId: null,
  };
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.officerAccount.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        role: 'admin',
        passwordHash,
      },
    });
    await auditAdminAction(tx, tool, 'OFFICER_CREATED', { username: row.username, role: 'admin' });
    return row;
  });
  return toOfficerView(created);
}
