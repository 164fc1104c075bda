#!/usr/bin/env bash
# Backs up the whole 容错纠错 database — engine (cases, tasks, timers, jobs, history), registry, documents (材料 live
# in the database) and the hash chain — into one pg_dump file. pg_dump reads one consistent snapshot, so the nodes
# may keep running.
#
#   ops/backup.sh <backup-file> [database-url]
#
# database-url: the application's SPRING_DATASOURCE_URL (the default) or a postgresql:// URI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/database-url.sh"

file="${1:?usage: ops/backup.sh <backup-file> [database-url]}"
database="$(libpq_url "${2:-${SPRING_DATASOURCE_URL:?set SPRING_DATASOURCE_URL or give the database URL}}")"

pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" "$database"
mv "$file.partial" "$file"

# what to write in the backup log: the file's hash and the chain head it holds
echo "backup: $file ($(du -h "$file" | cut -f1)), sha256 $(sha256sum "$file" | cut -d' ' -f1)"
psql --no-psqlrc -At -c "SELECT '存证链条目数 ' || last_seq || '，链头 ' || last_hash FROM integrity_head" "$database" \
  2>/dev/null || true
