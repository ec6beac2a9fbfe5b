import { createRoot } from 'react-dom/client';
import CssBaseline from '@mui/material/CssBaseline';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { HashRouter } from 'react-router-dom';
import { AuthProvider } from './api/auth.jsx';
import App from './App.jsx';

const theme = createTheme({
  palette: { primary: { main: '#2f5bd3' } },
  components: { MuiTextField: { defaultProps: { size: 'small' } }, MuiButton: { defaultProps: { size: 'small' } } },
});

// A hash router: the gateway serves one index.html under /console/, and every console address stays a
// bookmarkable link without the gateway knowing the console's routes.
createRoot(document.getElementById('root')).render(
  <ThemeProvider theme={theme}>
    <CssBaseline />
    <LocalizationProvider dateAdapter={AdapterDayjs}>
      <AuthProvider>
        <HashRouter>
          <App />
        </HashRouter>
      </AuthProvider>
    </LocalizationProvider>
  </ThemeProvider>,
);
