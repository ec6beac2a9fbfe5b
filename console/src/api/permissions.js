// What the signed-in token may do, as the services decide it (docs/api.md, "Tokens and roles"): the console
// disables what would only earn a 403.
export function mayReadApp(claims, appKey) {
  return !!claims && (claims.apps.includes('*') || claims.apps.includes(appKey));
}

export function mayWrite(claims, appKey) {
  return mayReadApp(claims, appKey) && (claims.roles.includes('admin') || claims.roles.includes('releaser'));
}

export function mayAdminister(claims) {
  return !!claims && claims.roles.includes('admin');
}

export function whyNot(claims, appKey) {
  if (!claims) {
    return 'sign in first';
  }
  if (!mayReadApp(claims, appKey)) {
    return `your token does not name the app ${appKey}`;
  }
  return `your token's roles (${claims.roles.join(', ') || 'none'}) may read, not change; a releaser or admin token may`;
}
