#!/bin/sh
# Starts this WildFly server for Glimpse. The datasource's JDBC driver follows GLIMPSE_DB_URL:
# PostgreSQL for a jdbc:postgresql: URL, otherwise the embedded H2 database under GLIMPSE_DATA_DIR.
# Extra arguments go to standalone.sh (for example -Djboss.server.base.dir=…).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
case "${GLIMPSE_DB_URL:-}" in
  "" | jdbc:h2:*) driver=h2 ;;
  jdbc:postgresql:*) driver=postgresql ;;
  *)
    echo "GLIMPSE_DB_URL must start with jdbc:postgresql: (or jdbc:h2:), not '${GLIMPSE_DB_URL}'" >&2
    exit 2
    ;;
esac
# G1 regions of 8 MiB: a photo's upload, its copy read from the database and its decoded pixels are
# then ordinary objects, collected young, where with the 1 MiB regions of a 512 MiB heap each was a
# humongous object in the old generation that only a concurrent cycle freed. JAVA_OPTS, which comes
# after, can set another size.
PREPEND_JAVA_OPTS="-XX:G1HeapRegionSize=8m ${PREPEND_JAVA_OPTS:-}"
export PREPEND_JAVA_OPTS
exec "$here/standalone.sh" -b "${GLIMPSE_BIND_ADDRESS:-127.0.0.1}" -Dglimpse.db.driver="$driver" "$@"
