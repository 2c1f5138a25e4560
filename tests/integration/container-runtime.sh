#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# A profile recorded from a command on the host, plus --runtime's baseline, runs the
# same command as a crun (and runc) container, with and without noNewPrivileges;
# without the baseline it does not start; inside it, what the command never did
# fails with EPERM. Also the wrapper's detached run and crun's state layout.
. "$(dirname "$0")/lib.sh"
require_root
containers=$(cd "$(dirname "$0")/../containers" && pwd)
for tool in crun runc unshare chroot; do
        command -v "$tool" >/dev/null || skip_all "$tool missing (scripts/bootstrap.sh installs it)"
done
[ -x /bin/busybox ] || skip_all "/bin/busybox missing (apt-get install busybox-static)"
. "$containers/crun.sh"
plan 18

ids=()
cleanup() {
        for id in "${ids[@]}"; do
                crun_delete "$id" >/dev/null 2>&1
                runc delete -f "$id" >/dev/null 2>&1
        done
        rm -rf "$TMP"
}
trap cleanup EXIT

bundle=$TMP/bundle
cmd=(sh -c 'echo hi; cat /etc/hostname')
expected=$'hi\nsysrec-test'
make_bundle() { "$containers/make-bundle.sh" --hostname sysrec-test "$@" >/dev/null; }

# in_crun|in_runc NAME PROFILE|none NNP CMD...: runs CMD as a container, output to
# $TMP/out, returns the runtime's exit status (the container's); 125 when the bundle
# cannot be made, so that no case runs the previous one's.
in_runtime() {
        local runtime=$1 id=sysrec-test-$$-$2 profile=$3 nnp=$4 r
        shift 4
        ids+=("$id")
        make_bundle --nnp "$nnp" --seccomp "$profile" "$bundle" "$@" || return 125
        if [ "$runtime" = crun ]; then
                crun_run "$id" "$bundle" >"$TMP/out" 2>&1
                r=$?
                crun_delete "$id"
        else
                runc run --bundle "$bundle" "$id" >"$TMP/out" 2>&1
                r=$?
                runc delete -f "$id" >/dev/null 2>&1
        fi
        return $r
}
in_crun() { in_runtime crun "$@"; }
in_runc() { in_runtime runc "$@"; }
out() { cat "$TMP/out"; }

# The command as the container runs it: the bundle's busybox, chrooted on the host.
make_bundle "$bundle" "${cmd[@]}"
"$SYSREC" record -q --backend ptrace --save-recording "$TMP/sh.rec" -o "$TMP/plain.json" -- \
        chroot "$bundle/rootfs" "${cmd[@]}" >"$TMP/out"
ok $? "record the busybox command on the host"
"$SYSREC" generate --runtime crun -o "$TMP/crun.json" "$TMP/sh.rec"
ok $? "generate --runtime crun"
missing=$(for n in capset prctl setresuid setresgid rt_sigprocmask; do has_syscall "$TMP/crun.json" "$n" || echo "$n"; done)
[ -z "$missing" ] && ! has_syscall "$TMP/plain.json" setresuid
ok $? "the profile has crun's baseline, which the command alone lacks (missing: ${missing:-none})"
"$SYSREC" record -q --backend ptrace --runtime crun -o "$TMP/record-crun.json" -- \
        chroot "$bundle/rootfs" "${cmd[@]}" >/dev/null && "$SYSREC" diff "$TMP/crun.json" "$TMP/record-crun.json" >&2
ok $? "record --runtime crun gives the same profile as generate --runtime crun"

for nnp in true false; do
        in_crun run-$nnp "$TMP/crun.json" "$nnp" "${cmd[@]}" && [ "$(out)" = "$expected" ]
        ok $? "crun, noNewPrivileges $nnp: runs under the profile, same output: $(out)"
done

# Without noNewPrivileges crun switches ids under the filter: the command's own
# profile stops the container before its command starts. (With noNewPrivileges
# crun needs only close and execve, which every profile has.)
in_crun plain-false "$TMP/plain.json" false "${cmd[@]}"
r=$?
[ $r != 0 ] && grep -q "Operation not permitted" "$TMP/out" && ! grep -qx hi "$TMP/out"
ok $? "without --runtime, noNewPrivileges false: crun fails to start it (exit $r: $(out))"

in_crun mkdir "$TMP/crun.json" false sh -c 'echo hi; mkdir /dev/shm/made'
r=$?
[ $r != 0 ] && grep -q "can't create directory '/dev/shm/made': Operation not permitted" "$TMP/out"
ok $? "inside the profiled container mkdir, never recorded, fails with EPERM (exit $r: $(out))"
in_crun mkdir-unconfined none false sh -c 'echo hi; mkdir /dev/shm/made'
ok $? "the same mkdir succeeds in the container without a profile: $(out)"

# runc: its init is a Go program that needs more under the filter, even with
# noNewPrivileges.
"$SYSREC" generate --runtime runc -o "$TMP/runc.json" "$TMP/sh.rec"
ok $? "generate --runtime runc"
for nnp in true false; do
        in_runc run-$nnp "$TMP/runc.json" "$nnp" "${cmd[@]}" && [ "$(out)" = "$expected" ]
        ok $? "runc, noNewPrivileges $nnp: runs under the profile, same output: $(out)"
done
in_runc plain-true "$TMP/plain.json" true "${cmd[@]}"
r=$?
[ $r != 0 ] && ! grep -qx hi "$TMP/out"
ok $? "without --runtime, runc fails to start it even with noNewPrivileges (exit $r: $(out))"

"$SYSREC" generate --runtime none -o "$TMP/none.json" "$TMP/sh.rec" && cmp -s "$TMP/none.json" "$TMP/plain.json"
ok $? "--runtime none is the recorded profile, byte for byte"
"$SYSREC" generate --runtime youki -o "$TMP/x.json" "$TMP/sh.rec" 2>"$TMP/err"
r=$?
[ $r = 2 ] && grep -q "No baseline was measured for the runtime 'youki'" "$TMP/err" && [ ! -e "$TMP/x.json" ]
ok $? "a runtime with no data is a usage error: exit $r, $(cat "$TMP/err")"

# The wrapper's detached run; crun keeps the init pid in /run/crun/ID/status.
id=sysrec-test-$$-detached
ids+=("$id")
make_bundle "$bundle" sleep 30
crun_run_detached "$id" "$bundle" "$TMP/pid" && pid=$(cat "$TMP/pid") && [ "$(cat "/proc/$pid/comm")" = sleep ]
ok $? "crun_run_detached: the pid file names the running entrypoint"
state_pid=$(crun_state "$id" | python3 -c 'import json, sys; print(json.load(sys.stdin)["pid"])')
status_pid=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["pid"])' "/run/crun/$id/status")
[ "$state_pid" = "$pid" ] && [ "$status_pid" = "$pid" ]
ok $? "crun state and /run/crun/ID/status give the same pid ($pid, $state_pid, $status_pid)"
crun_delete "$id" && [ ! -e "/run/crun/$id" ] && gone "$pid"
ok $? "crun_delete kills and removes the container"
done_testing
