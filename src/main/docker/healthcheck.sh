#!/bin/bash
# Container health check: exits 0 when GET <path> (default /q/health/ready) on this container's
# HTTP port (PORT, as the service reads it) answers 200. Plain bash and its /dev/tcp, because
# neither curl nor wget is guaranteed in the runtime image.
set -eu

path="${1:-/q/health/ready}"
exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
status=""
read -r -t 5 _ status _ <&3 || true
[ "$status" = 200 ]
