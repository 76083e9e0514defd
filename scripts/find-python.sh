#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 (Django 6 needs it), or fails with a clear message.
set -u
candidates=(python3.13 python3.12 python3)
for dir in "$HOME"/.pyenv/versions/3.1[2-9]*/bin /usr/local/bin /usr/bin; do
  [ -x "$dir/python3" ] && candidates+=("$dir/python3")
done
for candidate in "${candidates[@]}"; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if "$path" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    echo "$path"
    exit 0
  fi
done
echo "Geen Python 3.12 of nieuwer gevonden; Django 6 heeft die nodig." >&2
exit 1
