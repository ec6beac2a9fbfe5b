# Console tokens for the local stack: an RS256 key pair made once, and tokens minted with openssl.
# Sourced after lib.sh.
# shellcheck shell=bash

JWT_DIR=$ROLLGATE_STATE/jwt
JWT_ISSUER=${JWT_ISSUER:-rollgate}

# jwt_ensure_keys [DIR]: an RSA key pair in DIR (default .rollgate/jwt), made once and kept: tokens
# minted earlier stay valid across restarts. The private key never leaves this machine.
jwt_ensure_keys() {
  local dir=${1:-$JWT_DIR}
  [ -f "$dir/private.pem" ] && [ -f "$dir/public.pem" ] && return 0
  command -v openssl >/dev/null || die "openssl is missing (Debian: apt-get install openssl)"
  mkdir -p "$dir"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null) \
    || die "could not create an RSA key with openssl"
  openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem" 2>/dev/null \
    || die "could not derive the public key"
  say "created the token signing key pair in $dir"
}

base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# json_string_list A,B,C -> ["A","B","C"]; the callers have checked the items' characters.
json_string_list() {
  local item out="" items
  IFS=, read -ra items <<< "$1"   # read, not word splitting: '*' must stay '*', not become file names
  for item in "${items[@]}"; do out="$out${out:+,}\"$item\""; done
  printf '[%s]' "$out"
}

# jwt_mint SUBJECT GROUPS APPS TTL_SECONDS [KEY_DIR]: prints a signed token.
jwt_mint() {
  local subject=$1 groups=$2 apps=$3 ttl=$4 dir=${5:-$JWT_DIR} now header payload signature
  [[ $subject =~ ^[A-Za-z0-9@._-]{1,128}$ ]] || die "subject must be 1-128 of A-Z a-z 0-9 @ . _ -"
  [[ $groups =~ ^((admin|releaser|viewer)(,|$))+$ ]] || die "groups must be a comma list of admin, releaser, viewer"
  [[ $apps =~ ^(\*|[a-z0-9][a-z0-9-]{1,62})(,([a-z0-9][a-z0-9-]{1,62}))*$ ]] || die "apps must be * or a comma list of appKeys"
  [[ $ttl =~ ^[0-9]{1,9}$ ]] || die "lifetime must be a number of seconds"
  [ -f "$dir/private.pem" ] || die "no signing key in $dir: run deploy/local/up first"
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | base64url)
  payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":%s,"apps":%s,"iat":%d,"exp":%d,"jti":"%s"}' \
    "$JWT_ISSUER" "$subject" "$subject" "$(json_string_list "$groups")" "$(json_string_list "$apps")" \
    "$now" "$((now + ttl))" "$(openssl rand -hex 12)" | base64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$dir/private.pem" -binary | base64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}
