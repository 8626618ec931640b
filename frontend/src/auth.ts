import Keycloak from 'keycloak-js';

/** Served by the gateway at /config.json, so one build runs against any Keycloak. */
export interface RuntimeConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

let keycloak: Keycloak | undefined;

/** Logs in with authorization code + PKCE; tokens stay in memory (never localStorage) and refresh silently. */
export async function login(config: RuntimeConfig): Promise<Keycloak> {
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
  setInterval(() => keycloak?.updateToken(60).catch(() => keycloak?.login()), 30_000);
  return keycloak;
}

/** The bearer token, refreshed first when it has less than 30 s left (also for requests fetch cannot make: uploads). */
export async function accessToken(): Promise<string> {
  if (!keycloak) throw new Error('not signed in');
  await keycloak.updateToken(30);
  if (!keycloak.token) throw new Error('not signed in');
  return keycloak.token;
}

export async function authorizedFetch(input: string, init: RequestInit = {}): Promise<Response> {
  if (!keycloak) throw new Error('not signed in');
  await keycloak.updateToken(30);
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${keycloak.token}`);
  return fetch(input, { ...init, headers });
}

/**
 * The token as it is now, without refreshing it: for a request that must start synchronously (a leave sent with
 * `keepalive` while the tab closes), where waiting for a refresh would mean not sending it at all.
 */
export function currentToken(): string | undefined {
  return keycloak?.token;
}

export function logout(): Promise<void> {
  return keycloak ? keycloak.logout({ redirectUri: window.location.origin + '/' }) : Promise.resolve();
}
