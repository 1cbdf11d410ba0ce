/** The server-rendered sign-in form: works without JavaScript, holds no untrusted text. */

/** Why the form is shown again. */
export type SignInProblem = 'none' | 'unknown' | 'wrong_role' | 'dashboard_missing';

const MESSAGES: Readonly<Record<SignInProblem, string>> = {
  none: '',
  unknown: 'That token is not known (or was revoked).',
  wrong_role: 'That token cannot read the dashboard; use a read or admin token.',
  dashboard_missing: 'The dashboard was not built: run npm run build.',
};

/** The sign-in page's HTML. */
export function signInPage(problem: SignInProblem): string {
  const message =
    problem === 'none' ? '' : `<p role="alert" id="sign-in-error">${MESSAGES[problem]}</p>`;
  // A refused token marks the field invalid and names the message as its description.
  const invalid = problem === 'none' ? '' : ' aria-invalid="true" aria-describedby="sign-in-error"';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in — Faultline</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#111;background:#fff}
input{font:inherit;width:100%;padding:.5rem;border:1px solid #555;box-sizing:border-box}
button{font:inherit;margin-top:1rem;padding:.5rem 1rem;background:#0b4f9c;color:#fff;border:0}
:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}[role=alert]{color:#9b1111;font-weight:600}</style>
</head><body><main><h1>Faultline</h1>
<form method="post" action="/sign-in">
<label for="token">Read or admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus${invalid}>
${message}<button type="submit">Sign in</button></form></main></body></html>
`;
}
