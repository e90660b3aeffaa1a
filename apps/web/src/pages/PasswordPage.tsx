/**
 * The signed-in user changes their own password (POST /api/users/me/password): the current one,
 * the new one twice. The API's messages show at their field (a wrong current password, a new one
 * too short or equal to the email). On success the API ends every other session of the user —
 * other browsers and devices must sign in again — and keeps this one; API tokens are not touched.
 */
import { useMutation } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client';
import { Field } from '../components/Field';
import { MutationForm, useFormValues } from '../components/Form';

/** The API's shortest accepted password (src/modules/auth/account.service.ts, MIN_PASSWORD_LENGTH). */
const MIN_LENGTH = 12;
const FIELDS = ['currentPassword', 'newPassword', 'repeatPassword'];

/** A mismatch of the two new passwords, reported like the API's field errors so it shows at the field. */
const mismatch = () => new ApiError(400, { statusCode: 400, error: 'Bad Request', message: 'does not match the new password', field: 'repeatPassword' });

export default function PasswordPage() {
  const blank = { currentPassword: '', newPassword: '', repeatPassword: '' };
  const { values: f, bind, reset } = useFormValues(blank);
  const change = useMutation({
    mutationFn: async () => {
      if (f.newPassword !== f.repeatPassword) throw mismatch();
      await unwrap(api.POST('/api/users/me/password', { body: { currentPassword: f.currentPassword, newPassword: f.newPassword } }));
    },
    onSuccess: () => reset(),
  });
  const done = change.isSuccess && (
    <p role="status" className="ok" data-testid="password-changed">
      Password changed. Every other session of yours (other browsers and devices) has been signed out and must sign in with the new password; this one stays
      signed in. Your API tokens keep working.
    </p>
  );
  return (
    <main id="main" className="page narrow-page">
      <h1>Change your password</h1>
      <MutationForm mutation={change} label="Change your password" className="card stack-form" submit="Change password" fields={FIELDS} after={done}>
        <Field label="Current password" field="currentPassword" type="password" autoComplete="current-password" required {...bind('currentPassword')} />
        <Field
          label="New password"
          field="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={`at least ${MIN_LENGTH} characters, not your email address`}
          {...bind('newPassword')}
        />
        <Field label="Repeat the new password" field="repeatPassword" type="password" autoComplete="new-password" required {...bind('repeatPassword')} />
      </MutationForm>
    </main>
  );
}
