#!/usr/bin/env bash
# Syncscope test lab: three network-namespace devices (ss-gm, ss-s1, ss-s2) on one Linux bridge,
# each running a real ptp4l (software timestamps, free running: the host clock is never steered)
# and a real sshd. Integration tests reach the devices over ssh from the root namespace.
# A jump host ss-jump and ss-j1 behind it (reachable only through the jump) serve the jump-host tests.
# A fourth, isolated device (ss-x1, a slave like the others) is only for disruptive tests (pulling
# its link, a ptp4l socket the password user may not write, a verbose sshd log); tests sharing the
# lab never touch it, and it is listed apart in lab.json ("isolatedDevices").
# Scenario devices (lab.json "scenarioDevices") serve the failover, link-flap, sshd-restart, logging
# and boundary-clock scenarios: a grandmaster ss-fgm1, its backup ss-fgm2, a slave logging every sample
# (ss-fs1) and one logging summaries (ss-fs2), all in PTP domain 1, and ss-bc1 with two ptp4l instances
# (eth0: a slave-only clock of domain 0, eth1: alone in domain 2, so its own grandmaster). ptp4l drops
# every message of another domain, so none of them takes part in the shared devices' domain 0 (ss-bc1's
# eth0 only listens: slaveOnly). ss-p1, a slave-only clock of domain 0, takes config pushes: its
# restart-ptp4l script restarts its ptp4l with its ptp4l.conf as a service manager would.
# ss-t1, a slave-only clock of domain 0, is shaped with htb/tbf by the TSN statistics test.
# `up` repairs them, like ss-x1, without touching the shared devices.
#
#   bash test/lab/lab.sh up      build the lab, or do nothing if it is already healthy
#   bash test/lab/lab.sh down    remove everything `up` made (keeps the sslab user); exit 0 if nothing
#   bash test/lab/lab.sh status  one line per device; exit 0 when healthy, 3 when not up
#
# Environment: SYNCSCOPE_LAB_PASSWORD (password of user sslab; default: generated per `up`),
# SYNCSCOPE_LAB_UP_TIMEOUT_S (default 30). State, keys, logs and lab.json live in /run/syncscope-lab.
set -euo pipefail

readonly STATE_DIR=/run/syncscope-lab
readonly LOCK_FILE=/run/syncscope-lab.lock
readonly LAB_JSON=$STATE_DIR/lab.json
readonly KEY_DIR=$STATE_DIR/keys
readonly CLIENT_KEY=$KEY_DIR/id_ed25519
readonly KNOWN_HOSTS=$KEY_DIR/known_hosts
readonly BRIDGE=ssbr0
readonly NET_PREFIX=10.231.57
readonly BRIDGE_ADDR=$NET_PREFIX.1
readonly LAB_USER=sslab
readonly UP_TIMEOUT_S=${SYNCSCOPE_LAB_UP_TIMEOUT_S:-30}
readonly SBIN_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH=$SBIN_PATH
# shellcheck source=test/lab/lab-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lab-lib.sh"

# The device table: name, role, last address octet. The MAC (and so the PTP clockIdentity,
# 025353.fffe.0000<octet>) follows the octet so identities are the same on every run.
readonly DEVICES=(
  "ss-gm gm 10"
  "ss-s1 slave 11"
  "ss-s2 slave 12"
)
readonly ISOLATED_DEVICES=(
  "ss-x1 slave 13"
)
# 10.231.57.14 is the serial-console device's (test/lab/serial-console.sh).
readonly SCENARIO_DEVICES=(
  "ss-fgm1 gm 15"
  "ss-fgm2 backup-gm 16"
  "ss-fs1 slave 17"
  "ss-fs2 slave 18"
  "ss-bc1 bc 19"
  "ss-p1 slave 24"
  "ss-t1 slave 25"
)
# A second interface's address and MAC: octet + 100 (a /32 on the same bridge), 02:53:53:00:01:<octet>.
readonly SECOND_IFACE_OCTET_OFFSET=100
# A jump host (sshd only, on the bridge) and a device behind it: ss-j1's only link is a private veth
# to ss-jump (10.231.58.0/24, no route from here, no forwarding in ss-jump), so ssh reaches it only
# through the jump. ss-j1's sshd answers password logins only by keyboard-interactive (PAM).
readonly JUMP_DEVICES=(
  "ss-jump jump 20"
  "ss-j1 slave 21"
)
readonly JUMP_NET_PREFIX=10.231.58
readonly JUMP_INNER_ADDR=$JUMP_NET_PREFIX.1
readonly ALL_DEVICES=("${DEVICES[@]}" "${ISOLATED_DEVICES[@]}" "${SCENARIO_DEVICES[@]}" "${JUMP_DEVICES[@]}")
# Devices `up` repairs one by one (restarting a dead daemon, or rebuilding) without touching the shared ones.
readonly REPAIRABLE_DEVICES=("${ISOLATED_DEVICES[@]}" "${SCENARIO_DEVICES[@]}")
readonly SERIAL_CONSOLE_SCRIPT=$(dirname "${BASH_SOURCE[0]}")/serial-console.sh

is_isolated() { [[ $1 == ss-x* ]]; }
is_scenario() { [[ $1 == ss-f* || $1 == ss-bc* || $1 == ss-p* || $1 == ss-t* ]]; }
takes_pushes() { [[ $1 == ss-p* ]]; }
is_behind_jump() { [[ $1 == ss-j[0-9]* ]]; }
has_ptp4l() { [[ $1 != ss-jump ]]; }

log() { printf 'lab: %s\n' "$*" >&2; }
die() { printf 'lab: error: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }

device_dir() { printf '%s/%s' "$STATE_DIR" "$1"; }
device_addr() { printf '%s.%s' "$NET_PREFIX" "$1"; }
# Where a device's sshd listens: the bridge, or the private link behind the jump.
name_addr() { if is_behind_jump "$1"; then printf '%s.%s' "$JUMP_NET_PREFIX" "$2"; else device_addr "$2"; fi; }
# TCP reachability as a client of that device sees it (from the jump for the device behind it).
device_tcp_open() { if is_behind_jump "$1"; then ip netns exec ss-jump timeout 2 bash -c "exec 3<>/dev/tcp/$2/22" 2>/dev/null; else tcp_open "$2" 22; fi; }
device_mac() { printf '02:53:53:00:00:%02x' "$1"; }
host_veth() { printf 'v%s' "$1"; } # e.g. vss-gm, the root-namespace end of the device's veth

# The ptp4l instances of a device, one "INSTANCE IFACE DOMAIN" line each. A one-instance device's
# instance is "ptp4l" (files ptp4l, ptp4l.conf, ptp4l.log, ptp4l.pid); others are named for their
# interface (files ptp4l-eth0 …).
device_instances() {
  case $1 in
    ss-jump) ;;
    ss-bc1) printf 'eth0 eth0 0\neth1 eth1 2\n' ;;
    ss-f*) printf 'ptp4l eth0 1\n' ;;
    *) printf 'ptp4l eth0 0\n' ;;
  esac
}
# A file of one instance: inst_file NAME INSTANCE [EXT] (no EXT: the UDS socket).
inst_file() {
  local base=ptp4l
  [[ $2 == ptp4l ]] || base=ptp4l-$2
  printf '%s/%s%s' "$(device_dir "$1")" "$base" "${3:+.$3}"
}
# The socket of a device's first instance (the one lab.json's udsPath names).
device_uds() { local inst; read -r inst _ <<<"$(device_instances "$1")"; inst_file "$1" "$inst"; }
# Summaries every 2^N s instead of every sample (ptp4l's summary_interval; logSyncInterval is 0).
summary_interval() { if [[ $1 == ss-fs2 ]]; then echo 1; else echo 0; fi; }

require_root_and_tools() {
  [[ $(id -u) -eq 0 ]] || die "must run as root (network namespaces, sshd, ptp4l)"
  local tool missing=()
  for tool in ip ptp4l pmc /usr/sbin/sshd ssh-keygen useradd chpasswd flock timeout; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  ((${#missing[@]} == 0)) || die "missing tools: ${missing[*]} (apt-get install -y linuxptp openssh-server iproute2 passwd util-linux coreutils)"
}

with_lock() {
  exec 9>"$LOCK_FILE"
  flock -w 60 9 || die "another lab.sh (or a process that inherited its lock) holds $LOCK_FILE for more than 60 s"
}


tcp_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# pmc_answers UDS DOMAIN: ptp4l answers only management messages of its own domain.
pmc_answers() {
  [[ -S $1 ]] || return 1
  timeout 3 pmc -u -b 0 -d "${2:-0}" -s "$1" 'GET PORT_DATA_SET' 2>/dev/null | grep -q 'RESPONSE MANAGEMENT PORT_DATA_SET'
}

port_state() {
  timeout 3 pmc -u -b 0 -d "${2:-0}" -s "$1" 'GET PORT_DATA_SET' 2>/dev/null | awk '$1 == "portState" { print $2; exit }'
}

# --- down --------------------------------------------------------------------------------------

kill_pids() {
  local pids=("$@") pid i
  ((${#pids[@]} > 0)) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 30; i++)); do
    local alive=0
    for pid in "${pids[@]}"; do pid_alive "$pid" && alive=1; done
    ((alive)) || return 0
    sleep 0.1
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
}

# Removes one device: its processes (everything inside its namespace is ours), namespace, veth, state.
teardown_device() {
  local name=$1 ns_pids
  mapfile -t ns_pids < <(ip netns pids "$name" 2>/dev/null || true)
  kill_pids "${ns_pids[@]}"
  ip netns del "$name" 2>/dev/null || true
  ip link del "$(host_veth "$name")" 2>/dev/null || true
  ip link del "$(host_veth "$name")-1" 2>/dev/null || true
  rm -rf "$(device_dir "$name")"
}

teardown() {
  local row name role octet
  for row in "${ALL_DEVICES[@]}"; do
    read -r name role octet <<<"$row"
    teardown_device "$name"
  done
  ip link del "$BRIDGE" 2>/dev/null || true
  rm -rf "$STATE_DIR"
}

cmd_down() {
  require_root_and_tools
  serial_console down
  with_lock
  teardown
  log "down"
}

# --- up ----------------------------------------------------------------------------------------

json_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

generate_password() {
  # 24 characters from [A-Za-z0-9]; no shell or JSON quoting concerns.
  local p
  p=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  printf '%s' "${p:0:24}"
}

ensure_lab_user() {
  local password=$1
  if ! id "$LAB_USER" >/dev/null 2>&1; then
    useradd --create-home --shell /bin/bash --user-group "$LAB_USER"
  fi
  printf '%s:%s\n' "$LAB_USER" "$password" | chpasswd
  usermod --unlock "$LAB_USER" >/dev/null 2>&1 || true
}

make_bridge() {
  # No snooping: ptp4l's multicast (224.0.1.129/130) must flood to every port without an IGMP
  # querier. No netfilter: a host firewall (FORWARD DROP) must not see our bridged traffic.
  ip link add "$BRIDGE" type bridge mcast_snooping 0 nf_call_iptables 0 nf_call_ip6tables 0 \
    nf_call_arptables 0 stp_state 0 forward_delay 0
  ip addr add "$BRIDGE_ADDR/24" dev "$BRIDGE"
  ip link set "$BRIDGE" up
}

make_device_netns() {
  local name=$1 octet=$2
  if is_behind_jump "$name"; then
    ip netns add "$name"
    ip link add jl0 netns ss-jump type veth peer name eth0 netns "$name"
    ip -n ss-jump addr add "$JUMP_INNER_ADDR/24" dev jl0
    ip -n ss-jump link set jl0 up
    ip -n "$name" link set lo up
    ip -n "$name" link set eth0 address "$(device_mac "$octet")"
    ip -n "$name" addr add "$(name_addr "$name" "$octet")/24" dev eth0
    ip -n "$name" link set eth0 up
    return
  fi
  ip netns add "$name"
  ip link add "$(host_veth "$name")" type veth peer name eth0 netns "$name"
  ip link set "$(host_veth "$name")" master "$BRIDGE" up
  ip -n "$name" link set lo up
  ip -n "$name" link set eth0 address "$(device_mac "$octet")"
  ip -n "$name" addr add "$(device_addr "$octet")/24" dev eth0
  ip -n "$name" link set eth0 up
  if [[ $name == ss-bc1 ]]; then
    # A second port on the same bridge, for the instance of domain 2.
    ip link add "$(host_veth "$name")-1" type veth peer name eth1 netns "$name"
    ip link set "$(host_veth "$name")-1" master "$BRIDGE" up
    ip -n "$name" link set eth1 address "$(printf '02:53:53:00:01:%02x' "$octet")"
    ip -n "$name" addr add "$(device_addr $((octet + SECOND_IFACE_OCTET_OFFSET)))/32" dev eth1
    ip -n "$name" link set eth1 up
  fi
}

# write_ptp4l_conf NAME ROLE INSTANCE DOMAIN
write_ptp4l_conf() {
  local name=$1 role=$2 inst=$3 domain=$4 bmca
  case $role:$inst in
    gm:*) bmca='1 6 0' ;;
    # Passive while ss-fgm1 announces (a class-6 clock never becomes a slave), grandmaster without it.
    backup-gm:*) bmca='2 6 0' ;;
    # Alone in its domain: it becomes its own grandmaster (MASTER), the downstream side of a boundary clock.
    bc:eth1) bmca='128 248 0' ;;
    *) bmca='128 248 1' ;;
  esac
  # shellcheck disable=SC2086 # bmca is three words: priority1 clockClass slaveOnly
  lab_ptp4l_conf "$name ($role, instance $inst)" "$domain" "$(summary_interval "$name")" "$(inst_file "$name" "$inst")" $bmca >"$(inst_file "$name" "$inst" conf)"
}

write_sshd_conf() {
  local name=$1 octet=$2 dir
  dir=$(device_dir "$name")
  ssh-keygen -q -t ed25519 -N '' -C "syncscope-lab-$name" -f "$dir/ssh_host_ed25519_key"
  cat >"$dir/sshd_config" <<EOF
# Syncscope lab: sshd of $name, inside network namespace $name.
ListenAddress $(name_addr "$name" "$octet"):22
HostKey $dir/ssh_host_ed25519_key
PidFile $dir/sshd.pid
PermitRootLogin prohibit-password
PubkeyAuthentication yes
$(if is_behind_jump "$name"; then
    printf 'PasswordAuthentication no\nKbdInteractiveAuthentication yes\nUsePAM yes\n'
  else
    printf 'PasswordAuthentication yes\nKbdInteractiveAuthentication no\nUsePAM no\n'
  fi)
AuthorizedKeysFile $CLIENT_KEY.pub
StrictModes no
UseDNS no
PrintMotd no
PrintLastLog no
# The isolated device logs each authentication request, so tests can show none was made.
LogLevel $(is_isolated "$name" && echo DEBUG1 || echo INFO)
# pmc and ptp4l live in /usr/sbin, which a non-root session's default PATH lacks.
SetEnv PATH=$SBIN_PATH
MaxStartups 100:30:200
MaxSessions 64
Subsystem sftp internal-sftp
EOF
}

start_sshd() {
  local name=$1 dir
  dir=$(device_dir "$name")
  # sshd daemonizes itself (its pid goes to PidFile) and closes our stdio.
  ip netns exec "$name" /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log" 9>&-
}

# start_ptp4l NAME INSTANCE IFACE (appends to the instance's log: a restart keeps what came before)
start_ptp4l() {
  local name=$1 inst=$2 iface=$3
  # setsid: detach from the caller's session so a test runner's signal does not take ptp4l down.
  # Close every inherited descriptor above 2 first: ptp4l must not hold our lock (fd 9) or a
  # caller's pipe. `ip netns exec` execs in place, so the pid written here is ptp4l's.
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid --fork bash -c '
    for fd in /proc/$$/fd/*; do fd=${fd##*/}; ((fd > 2)) && eval "exec $fd>&-"; done 2>/dev/null
    echo $$ >"$1"
    exec ip netns exec "$2" ptp4l -f "$3" -i "$5" -m </dev/null >>"$4" 2>&1' \
    _ "$(inst_file "$name" "$inst" pid)" "$name" "$(inst_file "$name" "$inst" conf)" "$(inst_file "$name" "$inst" log)" "$iface"
}

# The restart command a config push runs on the device (over SSH, inside its namespace): stops the
# running ptp4l, starts a new one detached with the instance's ptp4l.conf, and exits 1 with the
# last lines ptp4l printed when the new one is gone within 1.5 s (as ptp4l refusing its config is).
write_restart_script() {
  local name=$1 inst iface domain script
  read -r inst iface domain <<<"$(device_instances "$name")"
  script=$(device_dir "$name")/restart-ptp4l
  {
    printf '#!/bin/bash\n# Syncscope lab: restarts ptp4l (%s) of %s with its config, for config pushes.\n' "$inst" "$name"
    printf 'pidf=%q conf=%q log=%q uds=%q iface=%q group=%q\n' "$(inst_file "$name" "$inst" pid)" "$(inst_file "$name" "$inst" conf)" \
      "$(inst_file "$name" "$inst" log)" "$(inst_file "$name" "$inst")" "$iface" "$LAB_USER"
    cat <<'SCRIPT'
source_pid() { tr -dc '0-9' <"$pidf" 2>/dev/null; }
# As lab-lib.sh's pid_alive: a zombie counts as gone (pid 1 may reap it late).
alive() { local st; st=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; st=${st##*) }; [[ ${st:0:1} != Z ]]; }
old=$(source_pid)
if [[ -n $old ]] && alive "$old"; then
  kill -TERM "$old"
  for _ in $(seq 50); do alive "$old" || break; sleep 0.1; done
  kill -KILL "$old" 2>/dev/null
fi
rm -f "$uds"
mark=$(($(stat -c %s "$log" 2>/dev/null || echo 0) + 1))
# Detached from this SSH session (its end must not take ptp4l along), no descriptor of ours kept.
setsid --fork bash -c 'for fd in /proc/$$/fd/*; do fd=${fd##*/}; ((fd > 2)) && eval "exec $fd>&-"; done 2>/dev/null
  echo $$ >"$1"; exec ptp4l -f "$2" -i "$3" -m </dev/null >>"$4" 2>&1' _ "$pidf" "$conf" "$iface" "$log"
for _ in $(seq 15); do
  sleep 0.1
  new=$(source_pid)
  if [[ -n $new && $new != "$old" ]] && ! alive "$new"; then
    echo "ptp4l exited at start; its last lines:" >&2
    tail -c +"$mark" "$log" | tail -n 5 >&2
    exit 1
  fi
  # ptp4l 3.1 makes its socket 0755: let the lab's password user's pmc write it, as wait_ready does.
  [[ -S $uds ]] && chgrp "$group" "$uds" 2>/dev/null && chmod 0660 "$uds"
done
new=$(source_pid)
[[ -n $new && $new != "$old" ]] && alive "$new" || { echo "ptp4l did not start; its last lines:" >&2; tail -c +"$mark" "$log" | tail -n 5 >&2; exit 1; }
echo "ptp4l restarted (pid $new)"
SCRIPT
  } >"$script"
  chmod 0755 "$script"
}

start_instances() {
  local name=$1 inst iface domain
  while read -r inst iface domain; do
    start_ptp4l "$name" "$inst" "$iface"
  done < <(device_instances "$name")
}

tail_log() { if [[ -r $1 ]]; then tail -n 8 "$1" | sed 's/^/    /' >&2; fi; }

# Waits until the sshd of every device given (rows of the device table) accepts TCP and its ptp4l
# answers pmc; names what did not come up.
wait_ready() {
  local deadline=$(($(now_ms) + UP_TIMEOUT_S * 1000)) row name role octet dir uds pending what addr inst iface domain
  while :; do
    pending=()
    for row in "$@"; do
      read -r name role octet <<<"$row"
      dir=$(device_dir "$name")
      while read -r inst iface domain; do
        uds=$(inst_file "$name" "$inst")
        pid_alive "$(read_pid "$(inst_file "$name" "$inst" pid)")" || { log "$name: ptp4l ($inst) exited; its log:"; tail_log "$(inst_file "$name" "$inst" log)"; return 1; }
        if [[ -S $uds ]] && ! is_isolated "$name"; then
          # ptp4l 3.1 creates its socket 0755 (no uds_file_mode yet); let group sslab's pmc write.
          # The isolated device keeps ptp4l's root-only socket: the usual case for a non-root login.
          chgrp "$LAB_USER" "$uds" && chmod 0660 "$uds"
        fi
        pmc_answers "$uds" "$domain" || pending+=("$name:ptp4l:$inst")
      done < <(device_instances "$name")
      addr=$(name_addr "$name" "$octet")
      device_tcp_open "$name" "$addr" || pending+=("$name:sshd:$addr")
    done
    ((${#pending[@]} == 0)) && return 0
    if (($(now_ms) > deadline)); then
      local item
      for item in "${pending[@]}"; do
        IFS=: read -r name what addr <<<"$item"
        dir=$(device_dir "$name")
        case $what in
          ptp4l) log "$name: ptp4l ($addr) did not answer pmc on $(inst_file "$name" "$addr") within ${UP_TIMEOUT_S} s; last lines of its log:"; tail_log "$(inst_file "$name" "$addr" log)" ;;
          sshd) log "$name: sshd did not accept TCP on $addr:22 within ${UP_TIMEOUT_S} s; last lines of $dir/sshd.log:"; tail_log "$dir/sshd.log" ;;
        esac
      done
      return 1
    fi
    sleep 0.2
  done
}

# One JSON object per device row given.
device_json_list() {
  local password=$1 row name role octet dir first=1 fingerprint
  shift
  for row in "$@"; do
    read -r name role octet <<<"$row"
    dir=$(device_dir "$name")
    fingerprint=$(ssh-keygen -l -E sha256 -f "$dir/ssh_host_ed25519_key.pub" | awk '{ print $2 }')
    ((first)) || printf ',\n'
    first=0
    printf '    { "name": %s, "role": %s, "netns": %s, "host": %s, "sshPort": 22, "user": "root",' \
      "$(json_string "$name")" "$(json_string "$role")" "$(json_string "$name")" "$(json_string "$(name_addr "$name" "$octet")")"
    printf ' "privateKeyPath": %s, "passwordUser": %s, "password": %s,' \
      "$(json_string "$CLIENT_KEY")" "$(json_string "$LAB_USER")" "$(json_string "$password")"
    printf ' "hostKeySha256": %s, "clockIdentity": %s, "udsPath": %s, "ptp4lConfig": %s, "ptp4lLog": %s, "sshdLog": %s, "hostVeth": %s,' \
      "$(json_string "$fingerprint")" "$(json_string "$(clock_identity "$octet" eth0)")" \
      "$(json_string "$(device_uds "$name")")" "$(json_string "$(device_uds "$name").conf")" \
      "$(json_string "$(device_uds "$name").log")" "$(json_string "$dir/sshd.log")" "$(json_string "$(host_veth "$name")")"
    printf ' "summaryInterval": %s, "instances": [%s] }' "$(summary_interval "$name")" "$(instances_json "$name" "$octet")"
  done
}

# The clockIdentity ptp4l derives from an interface's MAC (see make_device_netns).
clock_identity() { if [[ $2 == eth1 ]]; then printf '025353.fffe.0001%02x' "$1"; else printf '025353.fffe.0000%02x' "$1"; fi; }

instances_json() {
  local name=$1 octet=$2 inst iface domain first=1 veth
  while read -r inst iface domain; do
    ((first)) || printf ', '
    first=0
    veth=$(host_veth "$name")
    [[ $iface == eth0 ]] || veth=$veth-1
    printf '{ "name": %s, "iface": %s, "domainNumber": %s, "clockIdentity": %s, "udsPath": %s, "ptp4lConfig": %s, "ptp4lLog": %s, "hostVeth": %s }' \
      "$(json_string "$inst")" "$(json_string "$iface")" "$domain" "$(json_string "$(clock_identity "$octet" "$iface")")" \
      "$(json_string "$(inst_file "$name" "$inst")")" "$(json_string "$(inst_file "$name" "$inst" conf)")" \
      "$(json_string "$(inst_file "$name" "$inst" log)")" "$(json_string "$veth")"
  done < <(device_instances "$name")
}

# The jump host: sshd only, no ptp4l.
jump_json() {
  local dir fingerprint
  dir=$(device_dir ss-jump)
  fingerprint=$(ssh-keygen -l -E sha256 -f "$dir/ssh_host_ed25519_key.pub" | awk '{ print $2 }')
  printf '{ "name": "ss-jump", "netns": "ss-jump", "host": %s, "sshPort": 22, "user": "root", "passwordUser": %s, "hostKeySha256": %s, "sshdLog": %s }' \
    "$(json_string "$(device_addr 20)")" "$(json_string "$LAB_USER")" "$(json_string "$fingerprint")" "$(json_string "$dir/sshd.log")"
}

write_lab_json() {
  local password=$1 up_seconds=$2 tmp
  tmp=$LAB_JSON.tmp
  (
    umask 077
    {
      printf '{\n  "stateDir": %s,\n  "linuxptpVersion": %s,\n  "bridge": { "name": %s, "host": %s },\n' \
        "$(json_string "$STATE_DIR")" "$(json_string "$(ptp4l -v 2>&1 | head -n 1)")" \
        "$(json_string "$BRIDGE")" "$(json_string "$BRIDGE_ADDR")"
      printf '  "knownHostsPath": %s,\n  "devices": [\n' "$(json_string "$KNOWN_HOSTS")"
      device_json_list "$password" "${DEVICES[@]}"
      printf '\n  ],\n  "isolatedDevices": [\n'
      device_json_list "$password" "${ISOLATED_DEVICES[@]}"
      printf '\n  ],\n  "scenarioDevices": [\n'
      device_json_list "$password" "${SCENARIO_DEVICES[@]}"
      printf '\n  ],\n  "jumpHost": '
      jump_json
      printf ',\n  "behindJump": [\n'
      device_json_list "$password" "${JUMP_DEVICES[@]:1}"
      printf '\n  ],\n  "upSeconds": %s\n}\n' "$up_seconds"
    } >"$tmp"
  )
  mv -f "$tmp" "$LAB_JSON"
}

# A scenario test that takes a daemon of an isolated or scenario device down on purpose holds the
# device: it writes its pid to <state>/<device>/held, and `up` (run meanwhile by other suites) leaves
# the device as it is until the file is gone or that process has ended.
device_held() {
  local dir
  dir=$(device_dir "$1")
  { is_isolated "$1" || is_scenario "$1"; } && pid_alive "$(read_pid "$dir/held")"
}

device_healthy() {
  local name=$1 octet=$2 dir
  dir=$(device_dir "$name")
  device_held "$name" && return 0
  local inst iface domain
  pid_alive "$(read_pid "$dir/sshd.pid")" || return 1
  if takes_pushes "$name"; then [[ -x $dir/restart-ptp4l ]] || return 1; fi
  while read -r inst iface domain; do
    pid_alive "$(read_pid "$(inst_file "$name" "$inst" pid)")" || return 1
    pmc_answers "$(inst_file "$name" "$inst")" "$domain" || return 1
  done < <(device_instances "$name")
  # A disruptive test may have pulled an isolated or scenario device's link for a moment: that is not a reason to rebuild it.
  is_isolated "$name" || is_scenario "$name" || device_tcp_open "$name" "$(name_addr "$name" "$octet")" || return 1
}

# True when every device row given is healthy. Checked side by side: each pmc costs ~0.1 s (it waits
# for late replies), and `up` on a healthy lab runs before every lab suite.
devices_healthy() {
  local row name role octet pids=() pid healthy=0
  for row in "$@"; do
    read -r name role octet <<<"$row"
    device_healthy "$name" "$octet" &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do wait "$pid" || healthy=1; done
  return "$healthy"
}

lab_healthy() {
  [[ -r $LAB_JSON ]] && grep -q '"scenarioDevices"' "$LAB_JSON" && devices_healthy "${ALL_DEVICES[@]}"
}

# Builds one device from nothing: namespace, configs, host key (added to known_hosts), sshd, ptp4l.
build_device() {
  local name=$1 role=$2 octet=$3
  mkdir -p "$(device_dir "$name")"
  chmod 0711 "$(device_dir "$name")"
  make_device_netns "$name" "$octet"
  local inst iface domain
  while read -r inst iface domain; do
    write_ptp4l_conf "$name" "$role" "$inst" "$domain"
  done < <(device_instances "$name")
  write_sshd_conf "$name" "$octet"
  if takes_pushes "$name"; then write_restart_script "$name"; fi
  printf '%s %s\n' "$(name_addr "$name" "$octet")" "$(cut -d' ' -f1,2 "$(device_dir "$name")/ssh_host_ed25519_key.pub")" >>"$KNOWN_HOSTS"
  start_sshd "$name" || { log "$name: sshd did not start; last lines of its log:"; tail_log "$(device_dir "$name")/sshd.log"; die "lab did not come up"; }
  start_instances "$name"
}

# Starts again whatever daemon of a device died (its sshd, a ptp4l instance), keeping the device's
# namespace, host key and identity; false when something else is wrong (then it is rebuilt).
restart_dead_daemons() {
  local name=$1 dir inst iface domain restarted=0
  dir=$(device_dir "$name")
  [[ -e /run/netns/$name && -r $dir/sshd_config ]] || return 1
  if ! pid_alive "$(read_pid "$dir/sshd.pid")"; then
    start_sshd "$name" || return 1
    restarted=1
  fi
  while read -r inst iface domain; do
    pid_alive "$(read_pid "$(inst_file "$name" "$inst" pid)")" && continue
    rm -f "$(inst_file "$name" "$inst")"
    start_ptp4l "$name" "$inst" "$iface"
    restarted=1
  done < <(device_instances "$name")
  ((restarted))
}

# The password the running lab was built with (lab.json), so a partial rebuild keeps it.
current_password() {
  [[ -r $LAB_JSON ]] && sed -n 's/.*"password": "\([A-Za-z0-9]*\)".*/\1/p' "$LAB_JSON" | head -n 1
}

rebuild_devices() {
  local row name role octet
  for row in "$@"; do
    read -r name role octet <<<"$row"
    teardown_device "$name"
    sed -i "/^$(name_addr "$name" "$octet") /d" "$KNOWN_HOSTS"
  done
  for row in "$@"; do
    read -r name role octet <<<"$row"
    build_device "$name" "$role" "$octet"
  done
}

# When the shared devices are healthy, rebuilds only the isolated ones that are not (or are
# missing, as after an older lab.sh): tests sharing the lab keep running undisturbed.
repair_isolated() {
  local password row name role octet rebuilt=() started=$1
  devices_healthy "${DEVICES[@]}" || return 1
  [[ -r $CLIENT_KEY && -r $KNOWN_HOSTS ]] && ip link show "$BRIDGE" >/dev/null 2>&1 || return 1
  password=${SYNCSCOPE_LAB_PASSWORD:-$(current_password)}
  [[ -n $password ]] || return 1
  for row in "${REPAIRABLE_DEVICES[@]}"; do
    read -r name role octet <<<"$row"
    device_healthy "$name" "$octet" && continue
    restart_dead_daemons "$name" || rebuild_devices "$row"
    rebuilt+=("$row")
  done
  # The jump host and the device behind it share a link: rebuilt together.
  if ! devices_healthy "${JUMP_DEVICES[@]}"; then
    rebuild_devices "${JUMP_DEVICES[@]}"
    rebuilt+=("${JUMP_DEVICES[@]}")
  fi
  ((${#rebuilt[@]} == 0)) || wait_ready "${rebuilt[@]}" || die "isolated devices did not come up (state left in $STATE_DIR)"
  finish_up "$password" "$started"
}

finish_up() {
  local password=$1 started=$2 elapsed_ms up_seconds
  elapsed_ms=$(($(now_ms) - started))
  up_seconds=$(printf '%d.%03d' $((elapsed_ms / 1000)) $((elapsed_ms % 1000)))
  write_lab_json "$password" "$up_seconds"
  log "up in ${up_seconds} s ($LAB_JSON)"
}

# helper A's serial-console device (ss-c1), when its script is there: after our up, before our down
# (it lives on our bridge). Our lock is released first, so that script may take it itself.
serial_console() {
  [[ -f $SERIAL_CONSOLE_SCRIPT ]] || return 0
  exec 9>&-
  # A test that unplugged the console on purpose holds ss-c1 (see device_held): `up` leaves it unplugged.
  if [[ $1 == up ]] && pid_alive "$(read_pid "$(device_dir ss-c1)/held")"; then
    log "ss-c1 is held by pid $(read_pid "$(device_dir ss-c1)/held"): its console is left as it is"
    return 0
  fi
  bash "$SERIAL_CONSOLE_SCRIPT" "$1"
}

cmd_up() {
  up_lab
  serial_console up
}

up_lab() {
  require_root_and_tools
  with_lock
  if lab_healthy; then
    log "already up ($LAB_JSON)"
    return 0
  fi
  local started row name role octet password
  started=$(now_ms)
  if repair_isolated "$started"; then return 0; fi
  teardown # whatever a half-finished earlier `up` left behind

  password=${SYNCSCOPE_LAB_PASSWORD:-$(generate_password)}
  [[ $password != *$'\n'* && -n $password ]] || die "SYNCSCOPE_LAB_PASSWORD must be one non-empty line"

  mkdir -p /run/sshd "$STATE_DIR" "$KEY_DIR"
  chmod 0711 "$STATE_DIR" # sslab may traverse to the ptp4l sockets but not list or read keys
  chmod 0700 "$KEY_DIR"
  ssh-keygen -q -t ed25519 -N '' -C syncscope-lab-client -f "$CLIENT_KEY"
  ensure_lab_user "$password"

  make_bridge
  : >"$KNOWN_HOSTS"
  for row in "${ALL_DEVICES[@]}"; do
    read -r name role octet <<<"$row"
    build_device "$name" "$role" "$octet"
  done

  if ! wait_ready "${ALL_DEVICES[@]}"; then
    die "lab did not come up (state left in $STATE_DIR for inspection; 'lab.sh up' retries from scratch, 'lab.sh down' cleans)"
  fi
  finish_up "$password" "$started"
}

# --- status ------------------------------------------------------------------------------------

cmd_status() {
  require_root_and_tools
  if [[ ! -d $STATE_DIR ]]; then
    echo "lab: down"
    return 3
  fi
  local row name role octet dir healthy=1 ptp sshd states state inst iface domain held was_healthy
  for row in "${ALL_DEVICES[@]}"; do
    read -r name role octet <<<"$row"
    dir=$(device_dir "$name")
    ptp=none sshd=down states=() was_healthy=$healthy # a held device is down on purpose: not unhealthy
    # One ptp4l=…/portState=… per instance; a multi-instance device names each (eth0:SLAVE,eth1:MASTER).
    while read -r inst iface domain; do
      state=-
      if pid_alive "$(read_pid "$(inst_file "$name" "$inst" pid)")"; then
        [[ $ptp == down ]] || ptp=running
        state=$(port_state "$(inst_file "$name" "$inst")" "$domain")
        [[ -n $state ]] || { state=- healthy=0; }
      else
        ptp=down healthy=0
      fi
      if [[ $inst == ptp4l ]]; then states+=("$state"); else states+=("$inst:$state"); fi
    done < <(device_instances "$name")
    pid_alive "$(read_pid "$dir/sshd.pid")" && device_tcp_open "$name" "$(name_addr "$name" "$octet")" && sshd=listening
    [[ $sshd == listening ]] || healthy=0
    held=
    if device_held "$name"; then
      held=" (held by pid $(read_pid "$dir/held"))"
      healthy=$was_healthy
    fi
    printf '%-7s %-9s %-15s ptp4l=%-7s sshd=%-9s portState=%s%s\n' "$name" "$role" "$(name_addr "$name" "$octet")" "$ptp" "$sshd" "$(IFS=,; echo "${states[*]:--}")" "$held"
  done
  serial_console status || healthy=0
  if ((healthy)) && [[ -r $LAB_JSON ]]; then
    echo "lab: up ($LAB_JSON)"
    return 0
  fi
  echo "lab: not healthy (try: lab.sh down && lab.sh up)"
  return 3
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
