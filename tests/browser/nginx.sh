# Serving built sites with Debian's nginx on a free loopback port, for the browser tests
# (tests/browser/run.sh) and the Lighthouse run (tests/lighthouse/run.sh). Sourced, not run:
#
#   . tests/browser/nginx.sh        # the caller defines fail() first
#   nginx_find                      # sets $nginx, or fails saying what to install
#   port="$(free_port)"
#   nginx_serve "$tmp/nginx" "$port" "/testimony/=$out" "/policy/=$policy_out"
#   ...                             # $nginx_pid runs; logs in $tmp/nginx/{access,error}.log
#   nginx_stop "$status"            # in the caller's EXIT trap; prints error.log on failure
#
# nginx runs in the foreground of a background job with its own prefix, pid, logs and temp
# paths: it is not the system service and leaves nothing behind the caller's folder. It has no
# error_page, so that a test sees any missing file of the site as a 404.

nginx_pid=""

# Sets $nginx to the nginx binary (Debian installs it in /usr/sbin, often not on PATH).
nginx_find() {
  nginx="$(PATH="$PATH:/usr/sbin:/sbin" command -v nginx || true)"
  [ -n "$nginx" ] || fail "nginx not found (apt-get install -y --no-install-recommends nginx)"
  [ -r /etc/nginx/mime.types ] || fail "/etc/nginx/mime.types not found (is Debian's nginx installed?)"
}

# Prints a free TCP port on 127.0.0.1.
free_port() {
  node -e '
    const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
  '
}

# nginx_serve PREFIX PORT LOCATION=FOLDER...: serves each FOLDER at http://127.0.0.1:PORT/LOCATION
# (LOCATION begins and ends with a slash) and waits until nginx listens.
nginx_serve() {
  local prefix="$1" port="$2"
  shift 2
  [ -n "$port" ] || fail "could not find a free port"
  mkdir -p "$prefix"
  local user_line="" locations="" spec location folder
  for spec in "$@"; do
    location="${spec%%=*}"
    folder="${spec#*=}"
    locations="$locations    location $location { alias $folder/; }
"
    if [ "$(id -u)" -eq 0 ]; then
      # As root the workers drop to an unprivileged user (Debian has no group "nobody"), who
      # must be able to read the site and reach it (mktemp -d makes its folder private).
      user_line="user nobody nogroup;"
      chmod 755 "$(dirname "$folder")"
      chmod -R a+rX "$folder"
    fi
  done
  local vtt_types=""
  grep -Eq '[[:space:]]vtt[[:space:];]' /etc/nginx/mime.types || vtt_types="types { text/vtt vtt; }"

  cat >"$prefix/nginx.conf" <<EOF
$user_line
daemon off;
worker_processes 1;
pid $prefix/nginx.pid;
lock_file $prefix/nginx.lock;
error_log $prefix/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  $vtt_types
  default_type application/octet-stream;
  access_log $prefix/access.log;
  client_body_temp_path $prefix/client_body;
  proxy_temp_path $prefix/proxy;
  fastcgi_temp_path $prefix/fastcgi;
  uwsgi_temp_path $prefix/uwsgi;
  scgi_temp_path $prefix/scgi;
  sendfile on;
  server {
    listen 127.0.0.1:$port;
    server_name 127.0.0.1;
$locations  }
}
EOF

  "$nginx" -t -q -e "$prefix/error.log" -c "$prefix/nginx.conf" -p "$prefix/" ||
    fail "nginx rejected the configuration $prefix/nginx.conf"
  "$nginx" -e "$prefix/error.log" -c "$prefix/nginx.conf" -p "$prefix/" &
  nginx_pid=$!
  nginx_prefix="$prefix"

  local ready="" _
  for _ in $(seq 100); do
    kill -0 "$nginx_pid" 2>/dev/null || fail "nginx exited at start"
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then ready=1; break; fi
    sleep 0.1
  done
  [ -n "$ready" ] || fail "nginx did not listen on 127.0.0.1:$port within 10 s"
}

# nginx_stop STATUS: stops nginx (gracefully, then for good) if it runs; when STATUS is not 0,
# prints the end of its error log.
nginx_stop() {
  local status="${1:-0}" _
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -n "${nginx_prefix:-}" ] && [ -s "$nginx_prefix/error.log" ]; then
    echo "---- nginx error.log ----" >&2
    tail -n 30 "$nginx_prefix/error.log" >&2 || true
  fi
}
