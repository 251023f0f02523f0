// A real OpenID Provider (panva's OpenID Certified `oidc-provider`) on loopback for Townhall's
// single sign-on tests. Configuration comes as JSON in the environment (OIDC_TEST_CONFIG):
//   { client: {client_id, client_secret, redirect_uris, post_logout_redirect_uris},
//     accounts: { <login>: {password, sub, email, name, given_name, family_name, groups, mfa} } }
// It prints one JSON line {"issuer": ...} when it listens; closing stdin stops it.
// The login page is a plain form; an account with `mfa: true` signs in with amr ["pwd","otp"].
// POST /test/disable?sub=... switches an account off (its refresh tokens then stop working).
// POST /test/groups?sub=...&groups=a,b changes an account's groups (seen at the next userinfo).
import http from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG);
const accounts = config.accounts;
const disabled = new Set();
const bySub = (sub) => Object.values(accounts).find((a) => a.sub === sub && !disabled.has(sub));

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    ...config.client,
  }],
  pkce: { required: () => true },
  cookies: { keys: ['townhall-test-cookie-key'] },
  conformIdTokenClaims: false, // name, e-mail and groups in the ID token, as Entra and Google send them
  claims: {
    acr: null, amr: null, auth_time: null, sid: null,
    openid: ['sub', 'amr', 'acr'], // sent with every ID token, as Entra ID does
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username', 'groups'],
  },
  issueRefreshToken: async () => true,
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const account = bySub(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return {
          sub, email: account.email, email_verified: true, name: account.name,
          given_name: account.given_name, family_name: account.family_name,
          preferred_username: account.login, groups: account.groups || [],
        };
      },
    };
  },
});
provider.proxy = false;

const page = (uid, error = '') => `<!doctype html><html lang="en"><head><title>University sign-in</title></head>
<body><main><h1>University sign-in</h1>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label for="login">Username</label><input id="login" name="login" autocomplete="username">
<label for="password">Password</label><input id="password" name="password" type="password">
<button type="submit">Sign in at the university</button></form></main></body></html>`;

const readForm = (req) => new Promise((resolve) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => resolve(Object.fromEntries(new URLSearchParams(body))));
});

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    if (req.method === 'POST' && action === 'login') {
      const form = await readForm(req);
      const account = accounts[form.login];
      if (!account || account.password !== form.password || disabled.has(account.sub)) {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(page(uid, 'Wrong username or password.'));
      }
      const amr = account.mfa ? ['pwd', 'otp'] : ['pwd'];
      return provider.interactionFinished(req, res, { login: { accountId: account.sub, amr } },
        { mergeWithLastSubmission: false });
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end(page(uid));
  }
  // consent: granted at once (the university's own app, as an IdP admin would pre-approve it)
  const { prompt: { details: missing }, params, session, grantId } = details;
  const grant = grantId ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  if (missing.missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true });
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    const match = url.pathname.match(/^\/interaction\/([^/]+)(?:\/(login))?$/);
    if (match) return await interaction(req, res, match[1], match[2]);
    if (url.pathname === '/test/groups' && req.method === 'POST') {
      const account = Object.values(accounts).find((a) => a.sub === url.searchParams.get('sub'));
      account.groups = (url.searchParams.get('groups') || '').split(',').filter(Boolean);
      res.writeHead(204);
      return res.end();
    }
    if (url.pathname === '/test/disable' && req.method === 'POST') {
      disabled.add(url.searchParams.get('sub'));
      res.writeHead(204);
      return res.end();
    }
    return callback(req, res);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    return res.end(String(err && err.stack || err));
  }
});

console.log(JSON.stringify({ issuer }));
process.stdin.resume();
process.stdin.on('end', () => { server.close(); process.exit(0); });
