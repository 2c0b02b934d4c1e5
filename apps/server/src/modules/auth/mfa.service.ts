import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { Role, SignInStep } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { Config } from '../../platform/config.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import type { ResolvedSession } from '../../platform/http/access-hook.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { Problem } from '../../platform/errors.ts';
import { sealer, sha256 } from '../../platform/auth/crypto.ts';
import { newTotpSecret, otpauthUrl, verifyTotp } from '../../platform/auth/totp.ts';
import { authRepository } from './auth.repository.ts';
import { nextStepAfterMfa } from './auth.rules.ts';
import { recordFailedAttempt } from './failed-attempts.ts';
import { isFreshStep, looksLikeTotp, mayEnrol, newRecoveryCodes, normaliseRecoveryCode } from './mfa.rules.ts';
import { runWrite } from '../../platform/db/write.ts';

const ISSUER = 'Vigil';

/** The second factor: verifying a code at sign-in, and enrolling an authenticator app. */
export function mfaService(deps: { db: Kysely<DB>; config: Config }) {
  const { db, config } = deps;
  const repo = authRepository(db);
  const seal = sealer(config.secret);

  async function currentUser(ctx: RequestContext) {
    const user = await repo.findUser(ctx.actor.userId);
    if (!user || !user.active) throw new Problem('unauthenticated');
    return user;
  }

  return {
    /** The sign-in step after the password: a TOTP code from the app, or one unused recovery code. */
    async verify(ctx: RequestContext, session: ResolvedSession, code: string): Promise<{ next: SignInStep }> {
      if (session.step !== 'mfa') throw new Problem('mfa-not-expected');
      const user = await currentUser(ctx);
      const now = new Date();
      if (user.locked_until && user.locked_until > now) throw new Problem('account-locked');
      if (!user.mfa_enabled || !user.mfa_secret) throw new Problem('mfa-not-expected');

      const next = nextStepAfterMfa(user);
      // Not the write path: a wrong code changes nothing and records no event here (failures are counted and audited apart).
      const accepted = await db.transaction().execute(async (trx) => {
        let method: 'totp' | 'recovery-code';
        if (looksLikeTotp(code)) {
          const step = verifyTotp(seal.open(user.mfa_secret!), code.replace(/\s/g, ''), now.getTime());
          if (step === null || !isFreshStep(step, user.mfa_last_step)) return false;
          if (!(await repo.claimTotpStep(trx, user.id, step))) return false;
          method = 'totp';
        } else {
          const hash = sha256(normaliseRecoveryCode(code));
          if (!(await repo.useRecoveryCode(trx, user.id, hash, now))) return false;
          method = 'recovery-code';
        }
        await repo.clearFailures(trx, user.id);
        await repo.updateSession(trx, session.id, { step: next });
        const after: Record<string, unknown> = { method, next };
        if (method === 'recovery-code') after.recoveryCodesLeft = await repo.unusedRecoveryCodes(trx, user.id);
        await appendAudit(trx, ctx, { action: 'auth.mfa-verified', entityType: 'user', entityId: user.id, after });
        return true;
      });
      if (!accepted) {
        await recordFailedAttempt(db, ctx, user.id, 'mfa');
        throw new Problem('invalid-mfa-code');
      }
      return { next };
    },

    /** A new secret, kept encrypted on the session until the person proves their app has it. */
    async startEnrolment(ctx: RequestContext, session: ResolvedSession) {
      if (!mayEnrol(session.step)) throw new Problem('sign-in-incomplete');
      const user = await currentUser(ctx);
      const secret = newTotpSecret();
      const url = otpauthUrl(ISSUER, user.username, secret);
      await repo.updateSession(db, session.id, { pending_mfa_secret: seal.seal(secret) });
      return { secret, otpauthUrl: url, qrDataUrl: await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
    },

    /**
     * Confirms enrolment with a code from the new secret; stores the secret sealed and issues ten
     * recovery codes, shown this once and kept only as hashes. Replaces any earlier secret and codes.
     */
    async confirmEnrolment(ctx: RequestContext, session: ResolvedSession, code: string): Promise<{ next: SignInStep; recoveryCodes: string[] }> {
      if (!mayEnrol(session.step)) throw new Problem('sign-in-incomplete');
      const user = await currentUser(ctx);
      const row = await repo.findSession(session.id);
      if (!row?.pending_mfa_secret) throw new Problem('mfa-not-started');
      const secret = seal.open(row.pending_mfa_secret);
      const step = verifyTotp(secret, code.replace(/\s/g, ''));
      if (step === null) throw new Problem('invalid-mfa-code');

      const recoveryCodes = newRecoveryCodes();
      const next = session.step === 'enrol-mfa' ? nextStepAfterMfa(user) : 'done';
      await runWrite(db, ctx, async ({ trx }) => {
        await repo.enableMfa(trx, user.id, seal.seal(secret), step);
        await repo.replaceRecoveryCodes(trx, user.id, recoveryCodes.map((c) => sha256(normaliseRecoveryCode(c))));
        await repo.updateSession(trx, session.id, { step: next, pending_mfa_secret: null });
        await appendAudit(trx, ctx, {
          action: 'auth.mfa-enrolled',
          entityType: 'user',
          entityId: user.id,
          before: { mfaEnabled: user.mfa_enabled },
          after: { mfaEnabled: true, recoveryCodes: recoveryCodes.length, roles: user.roles as Role[] },
        });
      });
      return { next, recoveryCodes };
    },
  };
}
export type MfaService = ReturnType<typeof mfaService>;
