import { useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@vigil/contracts';
import { setCsrfToken } from '../../api/client.ts';
import { SESSION_KEY } from '../../app/session.tsx';
import { authApi } from './auth-api.ts';
import { ChangePasswordStep } from './change-password-step.tsx';
import { EnrolMfaStep } from './enrol-mfa-step.tsx';
import { MfaStep } from './mfa-step.tsx';
import { PasswordStep } from './password-step.tsx';

/** Walks a person through whatever the server says is next: password, MFA, enrolment, new password. */
export function SignInFlow({ session }: { session: SessionInfo | null }) {
  const queryClient = useQueryClient();
  const next = () => queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  const cancel = async () => {
    await authApi.signOut().catch(() => undefined);
    setCsrfToken(null);
    queryClient.setQueryData(SESSION_KEY, null);
  };

  if (!session) return <PasswordStep onNext={next} />;
  switch (session.next) {
    case 'mfa':
      return <MfaStep onNext={next} onCancel={cancel} />;
    case 'enrol-mfa':
      return <EnrolMfaStep onNext={next} onCancel={cancel} />;
    case 'change-password':
      return <ChangePasswordStep onNext={next} onCancel={cancel} />;
    default:
      return <PasswordStep onNext={next} />;
  }
}
