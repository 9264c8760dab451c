import { isLoginPath, loginPathFor } from '@cinder-console/cinder';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigation } from 'react-router-dom';
import { ErrorAlert } from '../components/error-alert';
import { sessionQueries } from '../resources/session/api';
import { lastSessionEnd } from '../resources/session/session-end';
import { AppLayout } from './app-layout';
import { PageLoader } from './page-loader';

/** Shows the app to a signed-in user; anyone else goes to the login page and comes back here after. */
export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  // While a page of the console is still loading the user has already chosen it: a session that
  // ends meanwhile returns there, not to the page being left. The sign-in page this component
  // itself sends the user to is no such page (reading it would nest `next` into `next`).
  const pending = useNavigation().location;
  const chosen = pending && !isLoginPath(pending.pathname) ? pending : location;
  const session = useQuery(sessionQueries.current());
  if (session.isPending) return <PageLoader />;
  if (session.error) {
    return (
      <ErrorAlert error={session.error} title={t('errors.unexpectedTitle')} onRetry={() => void session.refetch()} />
    );
  }
  if (!session.data) {
    // After a deliberate sign-out there is nowhere to come back to; a lost session, or signing in
    // again before it ran out, returns here.
    const ended = lastSessionEnd();
    if (ended === 'signedOut') return <Navigate to="/login" replace />;
    const { pathname, search, hash } = chosen;
    const here = `${pathname}${search}${hash}`;
    return <Navigate to={loginPathFor(here, ended === 'lost' ? 'expired' : undefined)} replace />;
  }
  return <AppLayout session={session.data} />;
}
