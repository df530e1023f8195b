#!/usr/bin/env bash
# Prepara en DESTINO el contexto de construcción de la imagen del curso:
# Containerfile + rootfs/ con busybox y bash estáticos del sistema anfitrión.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=$1

find_static() { # primera ruta existente de las dadas
  local p
  for p in "$@"; do [ -x "$p" ] && { echo "$p"; return 0; }; done
  return 1
}
busybox=$(find_static /bin/busybox /usr/bin/busybox /usr/sbin/busybox) || {
  echo "Falta busybox estático (Debian/Ubuntu: sudo apt install busybox-static; Fedora: sudo dnf install busybox)" >&2; exit 1; }
bash_static=$(find_static /bin/bash-static /usr/bin/bash-static || true)

rm -rf "$dest" && mkdir -p "$dest/rootfs"/{bin,etc,root,tmp,var/www}
cp "$here/Containerfile" "$dest/"
cp "$busybox" "$dest/rootfs/bin/busybox"
if [ -n "$bash_static" ]; then
  cp "$bash_static" "$dest/rootfs/bin/bash"
else
  # Sin bash estático, el sh de busybox hace de bash: basta para los comandos de la lección.
  printf '#!/bin/sh\nexec /bin/sh "$@"\n' > "$dest/rootfs/bin/bash"
  chmod 755 "$dest/rootfs/bin/bash"
fi
chmod 1777 "$dest/rootfs/tmp"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$dest/rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$dest/rootfs/etc/group"
