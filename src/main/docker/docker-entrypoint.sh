#!/bin/sh
# The image's entry point: one image, every way the service runs (docs/production.md "The image").
#   (no arguments), serve …   the HTTP service; it migrates at start unless MIGRATE_AT_START=false
#   db <command> …            one migration command, exiting with its code (`db upgrade`, `db wait`)
#   --help, --version, …      options of the example-service command
#   anything else             run as given, so `docker compose run app /bin/bash` opens a shell
# Every branch execs: the JVM replaces this shell as PID 1 and receives SIGTERM itself, so
# `docker stop` and pod termination shut Quarkus down gracefully instead of killing it.
set -eu

if [ "$#" -eq 0 ]; then
  set -- serve
fi

case "$1" in
  serve | db | -*)
    # Beside this script in the image (/usr/local/bin) and in the source tree; on PATH otherwise.
    launcher="$(dirname "$0")/example-service"
    if [ ! -x "$launcher" ]; then
      launcher=$(command -v example-service) || {
        echo "docker-entrypoint.sh: no example-service launcher next to $0 or on PATH" >&2
        exit 127
      }
    fi
    exec "$launcher" "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
