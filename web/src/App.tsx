import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireSignIn, useSession } from './auth/session';
import { Loading } from './components/Status';
import { Layout } from './Layout';
import { AcceptInvitation } from './screens/AcceptInvitation';
import { CreateCoalition } from './screens/CreateCoalition';
import { CreateOrganisation } from './screens/CreateOrganisation';
import { DirectoryScreen } from './screens/Directory';
import { MySpaces } from './screens/MySpaces';
import { NotFound } from './screens/NotFound';
import { Register } from './screens/Register';
import { SignIn } from './screens/SignIn';
import { SpacePage } from './spaces/SpacePage';

// The live session room is its own chunk (it brings SignalR), loaded only when someone opens a session.
const SessionRoom = lazy(() => import('./sessions/SessionRoom'));
const MeetingRoom = lazy(() => import('./meetings/MeetingRoom'));
const Security = lazy(() => import('./screens/Security'));
const MyActionItems = lazy(() => import('./committees/MyActionItems'));
const Minutes = lazy(() => import('./committees/Minutes'));
const MyFeedbackRounds = lazy(() => import('./documents/MyFeedbackRounds'));
const FeedbackRound = lazy(() => import('./documents/FeedbackRound'));
const RoundReport = lazy(() => import('./documents/RoundReport'));
const DocumentPage = lazy(() => import('./documents/DocumentPage'));
const CompareVersions = lazy(() => import('./documents/CompareVersions'));
const DocumentSearch = lazy(() => import('./documents/DocumentSearch'));

function Home() {
  const { session } = useSession();
  return <Navigate to={session ? '/spaces' : '/directory'} replace />;
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="sign-in" element={<SignIn />} />
        <Route path="register" element={<Register />} />
        <Route path="invitations/:token" element={<AcceptInvitation />} />
        <Route path="spaces" element={<RequireSignIn><MySpaces /></RequireSignIn>} />
        <Route path="me/action-items" element={<RequireSignIn><Suspense fallback={<Loading />}><MyActionItems /></Suspense></RequireSignIn>} />
        <Route path="me/feedback-rounds" element={<RequireSignIn><Suspense fallback={<Loading />}><MyFeedbackRounds /></Suspense></RequireSignIn>} />
        <Route path="feedback-rounds/:id" element={<RequireSignIn><Suspense fallback={<Loading />}><FeedbackRound /></Suspense></RequireSignIn>} />
        <Route path="feedback-rounds/:id/report" element={<RequireSignIn><Suspense fallback={<Loading />}><RoundReport /></Suspense></RequireSignIn>} />
        <Route path="documents/search" element={<Suspense fallback={<Loading />}><DocumentSearch /></Suspense>} />
        <Route path="documents/:id" element={<Suspense fallback={<Loading />}><DocumentPage /></Suspense>} />
        <Route path="documents/:id/compare" element={<Suspense fallback={<Loading />}><CompareVersions /></Suspense>} />
        <Route path="security" element={<RequireSignIn><Suspense fallback={<Loading />}><Security /></Suspense></RequireSignIn>} />
        <Route path="directory" element={<Navigate to="/directory/organisations" replace />} />
        <Route path="directory/:which" element={<DirectoryScreen />} />
        <Route path="organisations/new" element={<RequireSignIn><CreateOrganisation /></RequireSignIn>} />
        <Route path="coalitions/new" element={<RequireSignIn><CreateCoalition /></RequireSignIn>} />
        <Route path="organisations/:id/*" element={<SpacePage kind="organisation" />} />
        <Route path="coalitions/:id/*" element={<SpacePage kind="coalition" />} />
        <Route path="working-groups/:id/*" element={<SpacePage kind="working-group" />} />
        <Route path="forums/:id/*" element={<SpacePage kind="forum" />} />
        <Route path="committees/:id/*" element={<SpacePage kind="committee" />} />
        <Route path="meetings/:id/minutes" element={<RequireSignIn><Suspense fallback={<Loading />}><Minutes /></Suspense></RequireSignIn>} />
        <Route path="sessions/:id" element={<Suspense fallback={<Loading />}><SessionRoom /></Suspense>} />
        <Route path="meetings/:id" element={<Suspense fallback={<Loading />}><MeetingRoom /></Suspense>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
