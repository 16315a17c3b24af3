#!/usr/bin/env bash
# Installs FerretDB v1 (the MongoDB-wire server used for tests and as the embedded default) into
# .cache/ferretdb/bin, from the Go module proxy. Skipped when the right version is already there.
#
# Why not plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: that binary panics
# at start-up ("Invalid build/version/version.txt file content"), because the version file that
# FerretDB embeds is generated from git and is absent from the module zip. So we take the same
# module source from the proxy, write that one file, and build it.
#
# With one patch, scripts/ferretdb-id-indice.patch (docs/ferretdb.md, "The `_id` patch"): FerretDB
# 1.24 creates a unique index on each collection's `_id`, but filters by `_id` with another
# expression than the index's (SQLite: `->'$._id'` for an index on `->"_id"`; PostgreSQL: `->$1 @>`
# for an index on `->'_id'`), which neither planner matches to it, so every read, update and delete
# by `_id` scanned the whole table. The patch filters with the index's own expression; the rows
# selected are the same, and existing databases need no migration (the index is the one they have).
set -euo pipefail

VERSION="v1.24.2"
# Bumped whenever the patches below change, so an older build is replaced.
PARCHE="id-indice-5"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${FERRETDB_INSTALL_DIR:-$ROOT/.cache/ferretdb}"
BIN="$DEST/bin/ferretdb"
MARCA="$BIN.parche"

# Output is captured, not piped into grep/head: with pipefail, a reader that stops early would
# turn FerretDB's SIGPIPE into a failure.
if [ -x "$BIN" ] && [[ "$("$BIN" --version 2>/dev/null || true)" == *"version: $VERSION"* ]] &&
  [ "$(cat "$MARCA" 2>/dev/null || true)" = "$PARCHE" ]; then
  echo "FerretDB $VERSION ($PARCHE) ya está instalado en $BIN"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  for g in /usr/local/go/bin/go /usr/lib/go/bin/go; do [ -x "$g" ] && PATH="$(dirname "$g"):$PATH"; done
fi
command -v go >/dev/null 2>&1 || { echo "Se necesita Go (1.22 o más reciente) para instalar FerretDB." >&2; exit 1; }

echo "Instalando FerretDB $VERSION en $BIN ..."
# On failure go prints the reason inside the JSON on stdout, so it is kept to be shown.
MODJSON="$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION")" || true
MODDIR="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$MODJSON")"
if [ ! -d "$MODDIR" ]; then
  echo "No se pudo descargar el módulo de FerretDB $VERSION." >&2
  sed -n 's/^[[:space:]]*"Error": "\(.*\)",*$/  \1/p' <<<"$MODJSON" >&2
  exit 1
fi

# Per-process source folder and binary, moved into place only when complete: `npm start` and
# `npm test` may both build on a fresh clone at once, and neither must see the other's half-work.
SRC="$DEST/src.$$"
TMPBIN="$BIN.$$"
trap 'rm -rf "$SRC" "$TMPBIN"' EXIT
mkdir -p "$DEST/bin"
cp -r "$MODDIR" "$SRC"
chmod -R u+w "$SRC"
echo "$VERSION" > "$SRC/build/version/version.txt"
aplicar() {
  if command -v patch >/dev/null 2>&1; then
    patch -d "$SRC" -p1 --forward --quiet <"$1"
  else
    (cd "$SRC" && git apply "$1")
  fi
}
aplicar "$ROOT/scripts/ferretdb-id-indice.patch" || {
  echo "No se pudo aplicar scripts/ferretdb-id-indice.patch a FerretDB $VERSION." >&2
  exit 1
}
(cd "$SRC" && CGO_ENABLED=0 go build -trimpath -o "$TMPBIN" ./cmd/ferretdb)
mv -f "$TMPBIN" "$BIN"
echo "$PARCHE" > "$MARCA"
instalada="$("$BIN" --version)"
echo "${instalada%%$'\n'*}"
