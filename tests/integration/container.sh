#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Containers of a real crun (through tests/containers/crun.sh, as these hosts need):
# attach --container-id records every process of the container, those exec'd into
# it later included, and leaves it running; sysrec hook records one from its first
# syscall, and the profile it writes runs the same container again, denying what the
# container never did.
. "$(dirname "$0")/lib.sh"
require_root
[ -e /sys/kernel/btf/vmlinux ] || skip_all "no kernel BTF (/sys/kernel/btf/vmlinux)"
command -v crun >/dev/null || skip_all "crun is missing (scripts/bootstrap.sh installs it)"
[ -x /bin/busybox ] || skip_all "busybox-static is missing (scripts/bootstrap.sh installs it)"
containers="$(dirname "$0")/../containers"
. "$containers/crun.sh"
plan 14

ids=()
cleanup() {
        for id in "${ids[@]}"; do crun_delete "$id"; done
        rm -rf "$TMP"
}
trap cleanup EXIT
id_prefix="sysrec-test-$$"

# A loop of 20 ticks of 0.1 s printing its tick, with exit status 5.
loop='i=0; while [ $i -lt 20 ]; do echo $i; i=$((i+1)); sleep 0.1; done; exit 5'
"$containers/make-bundle.sh" "$TMP/loop" sh -c "$loop" >/dev/null
id="$id_prefix-attach"
ids+=("$id")
crun_run "$id" "$TMP/loop" >"$TMP/loop.out" 2>&1 &
runner=$!
for _ in $(seq 100); do
        [ -e "/run/crun/$id/status" ] && grep -q '"pid"' "/run/crun/$id/status" && break
        sleep 0.05
done
"$SYSREC" attach -q --container-id "$id" --duration 1 -o "$TMP/attach.json" &
recorder=$!
sleep 0.4
crun_cmd exec "$id" /bin/busybox sync
wait "$recorder"
ok $? "attach --container-id for a second succeeds"
has_syscall "$TMP/attach.json" clock_nanosleep || has_syscall "$TMP/attach.json" nanosleep
ok $? "the container's loop is recorded"
has_syscall "$TMP/attach.json" sync
ok $? "and a process exec'd into the container meanwhile"
[ -s "$TMP/attach.json" ] && ! has_syscall "$TMP/attach.json" pivot_root
ok $? "and nothing of crun's set-up, which ran before"
wait "$runner"
status=$?
[ "$status" = 5 ] && [ "$(cat "$TMP/loop.out")" = "$(seq 0 19)" ]
ok $? "the container's output and exit status are unchanged (status $status)"

# The hook: recorded from the exec of the entrypoint, with crun's own baseline.
cmd='echo hello from the container; cat /etc/hostname'
"$containers/make-bundle.sh" "$TMP/hooked" sh -c "$cmd" >/dev/null
python3 - "$TMP/hooked/config.json" "$SYSREC" "$TMP" <<'PY'
import json, sys
path, sysrec, tmp = sys.argv[1:]
c = json.load(open(path))
c.setdefault("hooks", {})["createRuntime"] = [
    {"path": sysrec, "args": ["sysrec", "hook", "--runtime=crun", "--log=" + tmp + "/hook.log"]}]
c["annotations"] = {"io.containers.trace-syscall": "of:" + tmp + "/hook.json"}
json.dump(c, open(path, "w"))
PY
id="$id_prefix-hook"
ids+=("$id")
crun_run "$id" "$TMP/hooked" >"$TMP/hooked.out" 2>&1
ok $? "a container with sysrec hook runs: $(cat "$TMP/hooked.out")"
for _ in $(seq 100); do
        [ -e "$TMP/hook.json" ] && break
        sleep 0.05
done
has_syscall "$TMP/hook.json" sendfile && has_syscall "$TMP/hook.json" execve && has_syscall "$TMP/hook.json" capset
ok $? "the hook wrote the profile: the entrypoint's syscalls and crun's baseline ($(cat "$TMP/hook.log"))"
[ -s "$TMP/hook.json" ] && ! has_syscall "$TMP/hook.json" pivot_root && ! has_syscall "$TMP/hook.json" mount
ok $? "and none of crun's set-up before the entrypoint"

for nnp in true false; do
        "$containers/make-bundle.sh" --nnp "$nnp" --seccomp "$TMP/hook.json" "$TMP/profiled" sh -c "$cmd" >/dev/null
        id="$id_prefix-profiled-$nnp"
        ids+=("$id")
        crun_run "$id" "$TMP/profiled" >"$TMP/profiled.out" 2>&1
        status=$?
        [ "$status" = 0 ] && cmp -s "$TMP/hooked.out" "$TMP/profiled.out"
        ok $? "noNewPrivileges $nnp: the same container under that profile: same output, exit 0 (status $status)"
done
# mkdir alone, not after the recorded commands in sh: sh would need a fork the
# recorded container never made, and fail there
"$containers/make-bundle.sh" --seccomp "$TMP/hook.json" "$TMP/profiled" mkdir /made >/dev/null
id="$id_prefix-denied"
ids+=("$id")
crun_run "$id" "$TMP/profiled" >"$TMP/denied.out" 2>&1
[ $? != 0 ] && grep -q "can't create directory '/made': Operation not permitted" "$TMP/denied.out"
ok $? "and a syscall it never made (mkdir) fails with EPERM: $(tail -1 "$TMP/denied.out")"

# The hooks.d file shipped for Podman: valid, runs "sysrec hook" with a runtime
# baseline, for containers that carry the annotation.
python3 - "$(dirname "$0")/../../scripts/sysrec-hook.json" <<'PY'
import json, re, sys
h = json.load(open(sys.argv[1]))
assert h["version"] == "1.0.0" and h["stages"] == ["prestart"], h
assert h["hook"]["path"].endswith("/sysrec") and h["hook"]["args"][:2] == ["sysrec", "hook"], h
assert any(a.startswith("--runtime=") for a in h["hook"]["args"]), h
(key, value), = h["when"]["annotations"].items()
assert re.search(key, "io.containers.trace-syscall") and re.search(value, "of:/tmp/p.json"), h
PY
ok $? "scripts/sysrec-hook.json runs sysrec hook for the trace-syscall annotation"

echo '{"ociVersion": "1.0.2", "id": "x", "pid": 0, "bundle": "/"}' | "$SYSREC" hook -o "$TMP/x.json" 2>"$TMP/err"
[ $? = 1 ] && grep -q "stdin: pid: not a process id" "$TMP/err"
ok $? "a state without a running process: exit 1 naming the field ($(cat "$TMP/err"))"
"$SYSREC" hook -o - </dev/null 2>"$TMP/err"
status=$?
"$SYSREC" hook -c -o "$TMP/x.json" </dev/null 2>>"$TMP/err"
status="$status $?"
[ "$status" = "2 2" ] && grep -q "give a file, not -" "$TMP/err" && grep -q "give --log=FILE" "$TMP/err"
ok $? "hook -o - and -c without --log, which would write to /dev/null: usage errors (status $status)"
done_testing
