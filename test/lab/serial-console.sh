#!/usr/bin/env bash
# Syncscope test lab, serial part: ss-c1, a device reached ONLY through its serial console.
# A network namespace on the lab's bridge (10.231.57.14) runs a real ptp4l slave (software
# timestamps, free_running 1, like lab.sh's slaves) and no sshd. Its console is a socat pty,
# /run/syncscope-lab/ss-c1/console, whose other end is a real login(1) inside the namespace: the lab
# user sslab logs in with its password (lab.json) and can run pmc against ptp4l's socket. socat is
# respawned like a getty (login exits after a logout or too many failures); `unplug` takes the console
# away the way a pulled USB adapter does, `up` brings it back.
#
#   bash test/lab/serial-console.sh up         build ss-c1 (needs lab.sh up), or do nothing if healthy
#   bash test/lab/serial-console.sh down       remove everything up made; exit 0 if nothing
#   bash test/lab/serial-console.sh status     one line; exit 0 when healthy, 3 when not
#   bash test/lab/serial-console.sh unplug     the console disappears (socat and its respawner end)
#   bash test/lab/serial-console.sh device-tty the device side of the console (where the kernel would print)
set -euo pipefail

readonly STATE_DIR=/run/syncscope-lab
readonly LAB_JSON=$STATE_DIR/lab.json
readonly LOCK_FILE=/run/syncscope-lab-serial.lock
readonly NAME=ss-c1
readonly OCTET=14
readonly BRIDGE=ssbr0
readonly ADDR=10.231.57.$OCTET
readonly DIR=$STATE_DIR/$NAME
readonly UDS=$DIR/ptp4l
readonly CONSOLE=$DIR/console
readonly LAB_USER=sslab
readonly VETH=v$NAME
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# shellcheck source=test/lab/lab-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lab-lib.sh"

log() { printf 'serial-console: %s\n' "$*" >&2; }
die() { printf 'serial-console: error: %s\n' "$*" >&2; exit 1; }

require_root() {
  [[ $(id -u) -eq 0 ]] || die "must run as root (network namespace, ptp4l, login)"
  local tool missing=()
  for tool in ip ptp4l pmc socat login setsid flock; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  ((${#missing[@]} == 0)) || die "missing tools: ${missing[*]} (apt-get install -y linuxptp socat iproute2 login util-linux)"
}

with_lock() {
  exec 8>"$LOCK_FILE"
  flock -w 60 8 || die "another serial-console.sh holds $LOCK_FILE"
}


pmc_answers() { [[ -S $UDS ]] && timeout 3 pmc -u -b 0 -s "$UDS" 'GET PORT_DATA_SET' 2>/dev/null | grep -q 'RESPONSE MANAGEMENT PORT_DATA_SET'; }

ptp_healthy() { pid_alive "$(read_pid "$DIR/ptp4l.pid")" && pmc_answers; }
console_healthy() { pid_alive "$(read_pid "$DIR/console-loop.pid")" && pid_alive "$(read_pid "$DIR/socat.pid")" && [[ -e $CONSOLE ]]; }

stop_pidfile() {
  local pid
  pid=$(read_pid "$1")
  if pid_alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 30); do pid_alive "$pid" || break; sleep 0.1; done
    pid_alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

# The console goes away: first the respawner (so nothing brings socat back), then socat and the
# login session behind it.
unplug() {
  stop_pidfile "$DIR/console-loop.pid"
  local socat_pid child
  socat_pid=$(read_pid "$DIR/socat.pid")
  if pid_alive "$socat_pid"; then
    for child in $(pgrep -P "$socat_pid" 2>/dev/null || true); do kill -HUP "$child" 2>/dev/null || true; done
  fi
  stop_pidfile "$DIR/socat.pid"
  rm -f "$CONSOLE"
}

teardown() {
  unplug
  local pids
  mapfile -t pids < <(ip netns pids "$NAME" 2>/dev/null || true)
  ((${#pids[@]} == 0)) || kill -KILL "${pids[@]}" 2>/dev/null || true
  ip netns del "$NAME" 2>/dev/null || true
  ip link del "$VETH" 2>/dev/null || true
  rm -rf "$DIR"
}

write_ptp4l_conf() {
  lab_ptp4l_conf "$NAME (slave, console only)" 0 0 "$UDS" 128 248 1 >"$DIR/ptp4l.conf"
}

start_ptp4l() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid --fork bash -c '
    for fd in /proc/$$/fd/*; do fd=${fd##*/}; ((fd > 2)) && eval "exec $fd>&-"; done 2>/dev/null
    echo $$ >"$1"
    exec ip netns exec "$2" ptp4l -f "$3" -i eth0 -m </dev/null >"$4" 2>&1' \
    _ "$DIR/ptp4l.pid" "$NAME" "$DIR/ptp4l.conf" "$DIR/ptp4l.log"
}

# socat, respawned: the pty end (link $CONSOLE) is what Syncscope opens; the other end is login(1)
# in the device's namespace, on its own terminal with job control, as a getty would start it.
start_console() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid --fork bash -c '
    for fd in /proc/$$/fd/*; do fd=${fd##*/}; ((fd > 2)) && eval "exec $fd>&-"; done 2>/dev/null
    echo $$ >"$1/console-loop.pid"
    # Hold none of the caller'"'"'s pipes: whoever ran `up` (a test through execFile) waits for them to close.
    exec </dev/null >>"$1/socat.log" 2>&1
    trap "exit 0" TERM
    while :; do
      socat PTY,link="$2",raw,echo=0,mode=0660,group=dialout EXEC:"ip netns exec $3 /bin/login",pty,setsid,ctty,stderr,sane </dev/null >>"$1/socat.log" 2>&1 &
      echo $! >"$1/socat.pid"
      wait $! || true
      sleep 0.3
    done' _ "$DIR" "$CONSOLE" "$NAME"
}

wait_ready() {
  local i
  for ((i = 0; i < 150; i++)); do
    if ptp_healthy && console_healthy; then
      # Let the lab user's pmc write to ptp4l's socket, as lab.sh does for its slaves.
      chgrp "$LAB_USER" "$UDS" && chmod 0660 "$UDS"
      return 0
    fi
    sleep 0.2
  done
  log "ss-c1 did not come up; ptp4l log:"
  tail -n 8 "$DIR/ptp4l.log" >&2 || true
  return 1
}

cmd_up() {
  require_root
  with_lock
  [[ -r $LAB_JSON ]] && ip link show "$BRIDGE" >/dev/null 2>&1 || die "the lab is not up: run bash test/lab/lab.sh up first"
  if ptp_healthy && console_healthy; then
    log "already up ($CONSOLE)"
    return 0
  fi
  if ptp_healthy; then
    # Only the console is missing (unplugged): bring it back, ptp4l keeps running.
    unplug
    start_console
  else
    teardown
    mkdir -p "$DIR"
    chmod 0711 "$DIR"
    ip netns add "$NAME"
    ip link add "$VETH" type veth peer name eth0 netns "$NAME"
    ip link set "$VETH" master "$BRIDGE" up
    ip -n "$NAME" link set lo up
    ip -n "$NAME" link set eth0 address "$(printf '02:53:53:00:00:%02x' "$OCTET")"
    ip -n "$NAME" addr add "$ADDR/24" dev eth0
    ip -n "$NAME" link set eth0 up
    write_ptp4l_conf
    start_ptp4l
    start_console
  fi
  wait_ready || die "ss-c1 did not come up (state left in $DIR)"
  log "up: console $CONSOLE, ptp4l socket $UDS, clockIdentity $(printf '025353.fffe.0000%02x' "$OCTET")"
}

cmd_down() {
  require_root
  with_lock
  teardown
  log "down"
}

cmd_status() {
  require_root
  local ptp=down console=absent
  ptp_healthy && ptp=running
  console_healthy && console=present
  printf '%-7s %-15s ptp4l=%-7s console=%s (%s)\n' "$NAME" "$ADDR" "$ptp" "$console" "$CONSOLE"
  [[ $ptp == running && $console == present ]] || return 3
}

# The terminal login(1) and the shell after it write to: what the device's kernel would print on.
cmd_device_tty() {
  local socat_pid child
  socat_pid=$(read_pid "$DIR/socat.pid")
  pid_alive "$socat_pid" || die "the console is not up"
  for child in $(pgrep -P "$socat_pid" 2>/dev/null || true); do
    readlink "/proc/$child/fd/0" && return 0
  done
  die "no process behind the console"
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  unplug)
    require_root
    with_lock
    unplug
    ;;
  device-tty) cmd_device_tty ;;
  *)
    echo "usage: $0 up|down|status|unplug|device-tty" >&2
    exit 2
    ;;
esac
