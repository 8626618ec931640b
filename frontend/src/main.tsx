import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { login, type RuntimeConfig } from './auth';
import './styles.css';
import './ui/states.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const config: RuntimeConfig = await (await fetch('/config.json')).json();
    const keycloak = await login(config);
    const token = keycloak.tokenParsed as { preferred_username?: string; name?: string; realm_access?: { roles?: string[] } };
    root.render(
      <StrictMode>
        <App user={{ username: token.preferred_username ?? '', name: token.name ?? '', roles: token.realm_access?.roles ?? [] }} />
      </StrictMode>,
    );
  } catch (e) {
    root.render(
      <div className="fatal" role="alert">
        <h1>Newsroom CMS</h1>
        <p>Sign-in is unavailable right now: {String(e)}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>,
    );
  }
}

start();
