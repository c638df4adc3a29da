// A real OpenID Provider for the zelfscan's tests: panva's oidc-provider (OpenID Certified),
// set up to behave like SURFconext towards a relying party:
//   - a pseudonymous, pairwise `sub`: another per client, never the login name;
//   - `email` only when the client asks for the email scope;
//   - its built-in interaction pages for login (any name, any password) and consent.
//
// Started by tests/oidc/aanbieder.py on a free port on 127.0.0.1. Configuration comes in one
// JSON environment variable, AANBIEDER_CONFIG:
//   { "clients": [ {client_id, client_secret, redirect_uris, post_logout_redirect_uris} ],
//     "uitloggen": true|false,     // whether end_session_endpoint is advertised
//     "kid": "..." }               // the signing key's id (a fresh key and id by default)
// When it listens it prints one line: "KLAAR <issuer>".

import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(process.env.AANBIEDER_CONFIG || '{}');

// Two people with the same e-mail address: the relying party must keep them apart.
const ADRESSEN = {
  anna: 'anna@instelling.example',
  'anna-tweede': 'anna@instelling.example',
};

function pairwiseIdentifier(ctx, accountId, client) {
  // Per client, as SURFconext does per service: the same person is someone else elsewhere.
  return createHash('sha256').update(`${accountId}|${client.clientId}|zelfscan-test`).digest('hex');
}

async function findAccount(ctx, accountId) {
  return {
    accountId,
    async claims() {
      return {
        sub: accountId,
        email: ADRESSEN[accountId] || `${accountId}@instelling.example`,
        email_verified: true,
      };
    },
  };
}

// A fresh signing key each run: a token of another run, or another instance, does not verify.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const sleutel = { ...privateKey.export({ format: 'jwk' }), kid: config.kid || randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: (config.clients || []).map((c) => ({
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      subject_type: 'pairwise',
      id_token_signed_response_alg: 'RS256',
      ...c,
    })),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'email'],
    subjectTypes: ['public', 'pairwise'],
    responseTypes: ['code'],
    pairwiseIdentifier,
    findAccount,
    jwks: { keys: [sleutel] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: config.uitloggen !== false },
    },
  });
  server.on('request', provider.callback());
  console.log(`KLAAR ${issuer}`);
});

for (const signaal of ['SIGTERM', 'SIGINT']) {
  process.on(signaal, () => server.close(() => process.exit(0)));
}
