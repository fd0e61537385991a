#!/usr/bin/env bash
# Static privacy check (run by `make test`): fails if the app's source calls
# a storage API, registers a service worker, submits a form, or names
# another origin. The end-to-end suite proves the same at run time; this
# catches it before anything runs.
set -euo pipefail
cd "$(dirname "$0")/.."

app_sources=(crates/web/src staff/index.html index.html static)
status=0

check() {
  local what="$1" pattern="$2"
  local hits
  hits=$(grep -rnE --include='*.rs' --include='*.html' --include='*.css' --include='*.js' --include='*.mjs' \
    "$pattern" "${app_sources[@]}" | grep -vE '^\S+:[0-9]+:\s*(//|#|/\*|\*)' || true)
  if [[ -n "$hits" ]]; then
    echo "privacy check: $what:"
    echo "$hits" | sed 's/^/  /'
    status=1
  fi
}

check "a storage API" 'localStorage|sessionStorage|local_storage|session_storage|indexedDB|indexed_db|IdbFactory|\bcaches\b|CacheStorage|document\.cookie|set_cookie|\bcookie\('
check "a service worker" 'serviceWorker|service_worker|ServiceWorker'
check "a history entry" 'pushState|push_state|location\.assign|location\.href *=|set_href'
check "a form that can submit" '<form|html! *\{ *<form'
check "another origin (only the site's own files may be fetched)" '(fetch|Request::new|XMLHttpRequest|sendBeacon|send_beacon|WebSocket|EventSource|import\()[^;]*https?://'
check "a third-party resource in the page" '(src|href)="(https?:)?//'
check "an external stylesheet or font" '@import|url\((https?:)?//'

# The one exception: the quick-exit destination comes from data/site.toml,
# never from code.
if [[ $status -eq 0 ]]; then
  echo "privacy check: ok (no storage, service worker, history entry, form or third-party request in the app's source)"
fi
exit $status
