import { useEffect, useRef } from 'react';
import { BrowserRouter, NavLink, Navigate, Route, Routes, useLocation, useNavigationType } from 'react-router-dom';
import { logout } from './auth';
import { abilities, SessionContext, useUser, type User } from './session';
import { ToastProvider } from './ui/Toasts';
import { Dashboard } from './pages/Dashboard';
import { EditorRoute } from './pages/ArticleEditor';
import { Revisions } from './pages/Revisions';
import { ListsIndex } from './pages/ListsIndex';
import { ListEditor } from './pages/ListEditor';
import { Authors } from './pages/Authors';
import { MyProfile } from './pages/MyProfile';
import { ReaderPreview, ReaderIndex } from './pages/ReaderPreview';
import { Webhooks } from './pages/Webhooks';
import { WebhookDetail } from './pages/WebhookDetail';
import { MediaLibrary } from './pages/MediaLibrary';
import { Sections } from './pages/Sections';
import { Tags } from './pages/Tags';
import { Calendar } from './pages/Calendar';
import { Notifications } from './pages/Notifications';
import { NotificationBell } from './ui/NotificationBell';

export function App({ user }: { user: User }) {
  return (
    <SessionContext.Provider value={user}>
      <ToastProvider>
        <BrowserRouter>
          <Shell />
        </BrowserRouter>
      </ToastProvider>
    </SessionContext.Provider>
  );
}

function Shell() {
  const user = useUser();
  const can = abilities(user);
  const location = useLocation();
  const navigationType = useNavigationType();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  // After moving to another page, focus it so keyboard and screen-reader users start at its top. A replaced URL
  // (the editor's address after its first save) is the same page: the focus stays where the person is typing. Not on
  // the first load: the page starts at its top, so the first Tab reaches the skip link.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    if (navigationType !== 'REPLACE') main.current?.focus({ preventScroll: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname]);
  const roleNames = user.roles.filter((r) => ['writer', 'editor', 'curator', 'admin'].includes(r));
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">N</span> Newsroom CMS
        </NavLink>
        <div className="topbar-user">
          <NotificationBell />
          <span className="user-name" data-testid="user">
            {user.name || user.username}
          </span>
          <span className="user-roles">{roleNames.join(' · ')}</span>
          <button type="button" className="button button-quiet" onClick={() => logout()}>
            Sign out
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          <li>
            <NavLink to="/" end>
              Dashboard
            </NavLink>
          </li>
          {can.writesArticles && (
            <li>
              <NavLink to="/articles/new">New article</NavLink>
            </li>
          )}
          <li>
            <NavLink to="/calendar" data-testid="nav-calendar">
              Calendar
            </NavLink>
          </li>
          {can.readsLists && (
            <li>
              <NavLink to="/lists">Featured lists</NavLink>
            </li>
          )}
          {can.edits && (
            <li>
              <NavLink to="/sections" data-testid="nav-sections">
                Sections
              </NavLink>
            </li>
          )}
          <li>
            <NavLink to="/tags" data-testid="nav-tags">
              Tags
            </NavLink>
          </li>
          {can.usesMedia && (
            <li>
              <NavLink to="/media" data-testid="nav-media">
                Media library
              </NavLink>
            </li>
          )}
          {can.admin && (
            <li>
              <NavLink to="/authors">Authors</NavLink>
            </li>
          )}
          {can.admin && (
            <li>
              <NavLink to="/webhooks" data-testid="nav-webhooks">
                Webhooks
              </NavLink>
            </li>
          )}
          <li>
            <NavLink to="/notifications" data-testid="nav-notifications">
              Notifications
            </NavLink>
          </li>
          <li>
            <NavLink to="/profile">My profile</NavLink>
          </li>
          <li>
            <NavLink to="/read">Reader preview</NavLink>
          </li>
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1} className="content">
        <Routes>
          <Route path="/" element={<Dashboard />} />
          <Route path="/articles/:id" element={<EditorRoute />} />
          <Route path="/articles/:id/revisions" element={<Revisions />} />
          <Route path="/calendar" element={<Calendar />} />
          <Route path="/lists" element={<ListsIndex />} />
          <Route path="/lists/:slug" element={<ListEditor />} />
          <Route path="/media/:id?" element={<MediaLibrary />} />
          <Route path="/sections" element={<Sections />} />
          <Route path="/tags" element={<Tags />} />
          <Route path="/authors" element={<Authors />} />
          <Route path="/webhooks" element={<Webhooks />} />
          <Route path="/webhooks/:id" element={<WebhookDetail />} />
          <Route path="/profile" element={<MyProfile />} />
          <Route path="/notifications" element={<Notifications />} />
          <Route path="/read" element={<ReaderIndex />} />
          <Route path="/read/:slug" element={<ReaderPreview />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </main>
    </div>
  );
}
