import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './api/auth.jsx';
import Shell from './components/Shell.jsx';
import SignInPage from './pages/SignInPage.jsx';
import AppsPage from './pages/AppsPage.jsx';
import PackagesPage from './pages/PackagesPage.jsx';
import PackagePage from './pages/PackagePage.jsx';
import CreateTaskPage from './pages/CreateTaskPage.jsx';
import TasksPage from './pages/TasksPage.jsx';
import TaskPage from './pages/TaskPage.jsx';
import WhitelistsPage from './pages/WhitelistsPage.jsx';
import WhitelistPage from './pages/WhitelistPage.jsx';
import SimulatePage from './pages/SimulatePage.jsx';

export default function App() {
  const { claims } = useAuth();
  if (!claims) {
    return <SignInPage />;
  }
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<Navigate to="/apps" replace />} />
        <Route path="/apps" element={<AppsPage />} />
        <Route path="/apps/:appKey" element={<Navigate to="packages" replace />} />
        <Route path="/apps/:appKey/packages" element={<PackagesPage />} />
        <Route path="/apps/:appKey/packages/:packageId" element={<PackagePage />} />
        <Route path="/apps/:appKey/packages/:packageId/release" element={<CreateTaskPage />} />
        <Route path="/apps/:appKey/tasks" element={<TasksPage />} />
        <Route path="/apps/:appKey/tasks/:taskId" element={<TaskPage />} />
        <Route path="/apps/:appKey/whitelists" element={<WhitelistsPage />} />
        <Route path="/apps/:appKey/whitelists/:whitelistId" element={<WhitelistPage />} />
        <Route path="/apps/:appKey/simulate" element={<SimulatePage />} />
        <Route path="*" element={<Navigate to="/apps" replace />} />
      </Routes>
    </Shell>
  );
}
