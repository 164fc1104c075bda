#!/usr/bin/env bash
# Restores a backup of ops/backup.sh into a new, empty database, ready for fresh nodes:
#
#   ops/restore.sh <backup-file> <database-url>
#
# The database is created when it does not exist; one that already has tables is refused (restore never
# overwrites a live system). Job locks held by the nodes at backup time are released, so the first node that
# starts resumes their jobs at once; open cases, timers, numbers and documents continue from the backup.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/database-url.sh"

file="${1:?usage: ops/restore.sh <backup-file> <database-url>}"
database="$(libpq_url "${2:?usage: ops/restore.sh <backup-file> <database-url>}")"
[ -r "$file" ] || { echo "restore: cannot read $file" >&2; exit 1; }

name="${database##*/}"
server="${database%/*}/postgres"
if [ "$(psql --no-psqlrc -At -c "SELECT COUNT(*) FROM pg_database WHERE datname = '$name'" "$server")" = 0 ]; then
  psql --no-psqlrc -q -c "CREATE DATABASE \"$name\"" "$server"
fi
tables="$(psql --no-psqlrc -At -c "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'" "$database")"
if [ "$tables" != 0 ]; then
  echo "restore: database $name already has $tables tables; restore into a new database" >&2
  exit 1
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$database" "$file"
# the nodes that held these locks are not running on this database
psql --no-psqlrc -q -c "UPDATE act_ru_job SET lock_owner_ = NULL, lock_exp_time_ = NULL WHERE lock_owner_ IS NOT NULL" \
  "$database"
psql --no-psqlrc -q -c "ANALYZE" "$database"

echo "restore: $file restored into $name"
psql --no-psqlrc -At -c "SELECT '存证链条目数 ' || last_seq || '，链头 ' || last_hash FROM integrity_head" "$database"
echo "restore: digests in tolerance.integrity.digest-directory written after this backup no longer match the"
echo "restore: restored chain; move them to an archive folder before the first daily check (see README)."
