// A real OpenID Connect provider (oidc-provider 9.13.3, OpenID certified) for the dashboards' sign-in tests.
// Started by OidcProvider.cs: node provider.mjs <config.json>. The config names the port, the app's base URL (for
// the registered redirect URIs) and the users: login -> { claims, idTokenTtl? }. Development interactions give a
// login form that accepts any password; consent is skipped (a first-party client), as a ministry's IdP would.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const users = config.users;
const claimNames = ['preferred_username', 'role', 'region_code', 'ats_code', 'operator_key'];

const provider = new Provider(issuer, {
  clients: [{
    client_id: config.clientId,
    client_secret: config.clientSecret,
    // The app itself (http) and the same app as seen through its TLS proxy (https), as a deployment registers it.
    redirect_uris: [`${config.appUrl}/signin-oidc`, `${config.appUrl.replace('http:', 'https:')}/signin-oidc`],
    post_logout_redirect_uris: [`${config.appUrl}/signout-callback-oidc`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  cookies: { keys: [config.cookieKey] },
  claims: { openid: ['sub'], profile: claimNames },
  pkce: { required: () => true },
  ttl: {
    // A user may have a short-lived id_token (the expiry test); everyone else ten minutes.
    IdToken: (ctx, token) => users[token.available?.sub]?.idTokenTtl ?? 600,
    AccessToken: 600,
    Session: 3600,
    Grant: 3600,
    Interaction: 600,
    AuthorizationCode: 60,
  },
  async findAccount(ctx, id) {
    const user = users[id];
    if (!user) return undefined;
    return { accountId: id, async claims() { return { sub: id, preferred_username: id, ...user.claims }; } };
  },
  // First-party client: grant what it asks for without a consent screen.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    grant.addOIDCClaims(['sub', ...claimNames]);
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
});

provider.on('server_error', (ctx, err) => console.error('server_error', err));
provider.listen(config.port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
