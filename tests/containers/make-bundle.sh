#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Builds an OCI bundle in DIR whose rootfs is Debian's busybox-static, with a
# config.json from 'crun spec' that runs CMD (default: sh -c 'echo hello').
#
#   make-bundle.sh [--nnp true|false] [--seccomp FILE|none] [--user UID:GID]
#                  [--hostname NAME] DIR [CMD...]
#
# --seccomp FILE puts FILE's JSON object (an OCI seccomp profile, e.g. one that
# sysrec wrote) in linux.seccomp; 'none' (the default) leaves none. --nnp sets
# process.noNewPrivileges (crun spec's default: true). --user sets process.user.
# Safe to run again on the same DIR: the rootfs is only completed, config.json is
# rewritten each time (it depends only on the arguments). Needs root for nothing.
set -euo pipefail

usage() {
        echo "usage: $0 [--nnp true|false] [--seccomp FILE|none] [--user UID:GID] [--hostname NAME] DIR [CMD...]" >&2
        exit 2
}

nnp=true
seccomp=none
user=0:0
hostname=sysrec
while [ $# -gt 0 ]; do
        case $1 in
        --nnp)
                [ $# -ge 2 ] || usage
                case $2 in true | false) nnp=$2 ;; *) usage ;; esac
                shift 2
                ;;
        --seccomp)
                [ $# -ge 2 ] || usage
                seccomp=$2
                shift 2
                ;;
        --user)
                [ $# -ge 2 ] || usage
                [[ $2 =~ ^[0-9]+:[0-9]+$ ]] || usage
                user=$2
                shift 2
                ;;
        --hostname)
                [ $# -ge 2 ] || usage
                hostname=$2
                shift 2
                ;;
        --)
                shift
                break
                ;;
        -*) usage ;;
        *) break ;;
        esac
done
[ $# -ge 1 ] || usage
dir=$1
shift
[ $# -gt 0 ] || set -- sh -c 'echo hello'

busybox=/bin/busybox
[ -x "$busybox" ] || {
        echo "$0: $busybox missing: apt-get install busybox-static" >&2
        exit 1
}
# The rootfs has no libraries: a dynamically linked busybox would not start.
if command -v readelf >/dev/null && LC_ALL=C readelf -l "$busybox" | grep -q INTERP; then
        echo "$0: $busybox is not statically linked: apt-get install busybox-static" >&2
        exit 1
fi
command -v crun >/dev/null || {
        echo "$0: crun missing: apt-get install crun" >&2
        exit 1
}
if [ "$seccomp" != none ] && [ ! -r "$seccomp" ]; then
        echo "$0: cannot read seccomp profile $seccomp" >&2
        exit 1
fi

rootfs=$dir/rootfs
mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,proc,dev,sys,tmp,root}
chmod 1777 "$rootfs/tmp"
if [ -L "$rootfs/bin/busybox" ] || ! cmp -s "$busybox" "$rootfs/bin/busybox"; then
        cp "$busybox" "$rootfs/bin/busybox.tmp"
        mv -f "$rootfs/bin/busybox.tmp" "$rootfs/bin/busybox"
fi
# What 'busybox --install -s' does, without running it inside a chroot.
while read -r applet; do
        [ "$applet" = bin/busybox ] || [ -L "$rootfs/$applet" ] || ln -sf /bin/busybox "$rootfs/$applet"
done < <("$busybox" --list-full)
[ -e "$rootfs/etc/passwd" ] || printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' >"$rootfs/etc/passwd"
[ -e "$rootfs/etc/group" ] || printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
echo "$hostname" >"$rootfs/etc/hostname"

spec_dir=$(mktemp -d)
trap 'rm -rf "$spec_dir"' EXIT
(cd "$spec_dir" && crun spec)

python3 - "$spec_dir/config.json" "$dir/config.json" "$nnp" "$seccomp" "$user" "$hostname" "$@" <<'EOF'
import json, os, sys

src, dst, nnp, seccomp, user, hostname = sys.argv[1:7]
args = sys.argv[7:]
with open(src) as f:
    spec = json.load(f)
proc = spec["process"]
proc["args"] = args
proc["terminal"] = False
proc["noNewPrivileges"] = nnp == "true"
uid, gid = (int(x) for x in user.split(":"))
proc["user"] = {"uid": uid, "gid": gid}
spec["hostname"] = hostname
if seccomp != "none":
    with open(seccomp) as f:
        spec["linux"]["seccomp"] = json.load(f)
tmp = dst + ".tmp"
with open(tmp, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
os.replace(tmp, dst)
EOF
