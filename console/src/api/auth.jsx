import { createContext, useContext, useEffect, useState } from 'react';
import { claimsOf, forgetToken, onTokenChange, storedToken, storeToken } from './session.js';

const AuthContext = createContext(null);

function claimsOrNull(token) {
  try {
    return token ? claimsOf(token) : null;
  } catch {
    return null;
  }
}

export function AuthProvider({ children }) {
  const [state, setState] = useState(() => ({ token: storedToken(), reason: null }));
  useEffect(() => onTokenChange(setState), []);
  const claims = claimsOrNull(state.token);
  const value = {
    claims,
    signedOutBecause: state.reason,
    signIn: (token) => storeToken(token.trim()),
    signOut: (reason) => forgetToken(reason),
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth() {
  return useContext(AuthContext);
}
