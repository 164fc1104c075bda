# Sourced by backup.sh and restore.sh: turns the database the application runs on into libpq settings.
# Accepts a libpq URI (postgresql://user@host:5432/tolerance) or the application's JDBC URL
# (jdbc:postgresql://host:5432/tolerance, as in SPRING_DATASOURCE_URL); the user and password come from
# SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD when set, else from PGUSER / PGPASSWORD.
libpq_url() {
  local url="$1"
  url="${url#jdbc:}"
  # JDBC parameters (?options=…, ssl…) are not libpq's: keep the address only
  url="${url%%\?*}"
  case "$url" in
    postgresql://*|postgres://*) ;;
    *) echo "not a PostgreSQL database URL: $1" >&2; return 1 ;;
  esac
  printf '%s' "$url"
}
[ -n "${SPRING_DATASOURCE_USERNAME:-}" ] && export PGUSER="$SPRING_DATASOURCE_USERNAME"
[ -n "${SPRING_DATASOURCE_PASSWORD:-}" ] && export PGPASSWORD="$SPRING_DATASOURCE_PASSWORD"
true
