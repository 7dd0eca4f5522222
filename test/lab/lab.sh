#!/usr/bin/env bash
# Syncscope test lab: three network-namespace devices (ss-gm, ss-s1, ss-s2) on one Linux bridge,
# each running a real ptp4l (software timestamps, free running: the host clock is never steered)
# and a real sshd. Integration tests reach the devices over ssh from the root namespace.
# A jump host ss-jump and ss-j1 behind it (reachable only through the jump) serve the jump-host tests.
# A fourth, isolated device (ss-x1, a slave like the others) is only for disruptive tests (pulling
# its link, a ptp4l socket the password user may not write, a verbose sshd log); tests sharing the
# lab never touch it, and it is listed apart in lab.json ("isolatedDevices").
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
# A jump host (sshd only, on the bridge) and a device behind it: ss-j1's only link is a private veth
# to ss-jump (10.231.58.0/24, no route from here, no forwarding in ss-jump), so ssh reaches it only
# through the jump. ss-j1's sshd answers password logins only by keyboard-interactive (PAM).
readonly JUMP_DEVICES=(
  "ss-jump jump 20"
  "ss-j1 slave 21"
)
readonly JUMP_NET_PREFIX=10.231.58
readonly JUMP_INNER_ADDR=$JUMP_NET_PREFIX.1
readonly ALL_DEVICES=("${DEVICES[@]}" "${ISOLATED_DEVICES[@]}" "${JUMP_DEVICES[@]}")

is_isolated() { [[ $1 == ss-x* ]]; }
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
device_uds() { printf '%s/ptp4l' "$(device_dir "$1")"; }
host_veth() { printf 'v%s' "$1"; } # e.g. vss-gm, the root-namespace end of the device's veth

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

# A zombie counts as gone: our daemons are reparented to pid 1, which may reap them late.
pid_alive() {
  [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null || return 1
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}
read_pid() { if [[ -r $1 ]]; then tr -dc '0-9' <"$1"; fi; }

tcp_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

pmc_answers() {
  [[ -S $1 ]] || return 1
  timeout 3 pmc -u -b 0 -s "$1" 'GET PORT_DATA_SET' 2>/dev/null | grep -q 'RESPONSE MANAGEMENT PORT_DATA_SET'
}

port_state() {
  timeout 3 pmc -u -b 0 -s "$1" 'GET PORT_DATA_SET' 2>/dev/null | awk '$1 == "portState" { print $2; exit }'
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
}

write_ptp4l_conf() {
  local name=$1 role=$2 dir
  dir=$(device_dir "$name")
  {
    cat <<EOF
# Syncscope lab: $name ($role). Software timestamps on a veth; free_running so that no ptp4l ever
# adjusts the shared host clock.
[global]
domainNumber            0
network_transport       UDPv4
delay_mechanism         E2E
time_stamping           software
free_running            1
tx_timestamp_timeout    50
logAnnounceInterval     0
announceReceiptTimeout  3
logSyncInterval         0
logMinDelayReqInterval  0
summary_interval        0
logging_level           6
verbose                 1
use_syslog              0
uds_address             $(device_uds "$name")
EOF
    if [[ $role == gm ]]; then
      printf '%-23s %s\n' priority1 1 clockClass 6 slaveOnly 0
    else
      printf '%-23s %s\n' priority1 128 clockClass 248 slaveOnly 1
    fi
  } >"$dir/ptp4l.conf"
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

start_ptp4l() {
  local name=$1 dir
  dir=$(device_dir "$name")
  # setsid: detach from the caller's session so a test runner's signal does not take ptp4l down.
  # Close every inherited descriptor above 2 first: ptp4l must not hold our lock (fd 9) or a
  # caller's pipe. `ip netns exec` execs in place, so the pid written here is ptp4l's.
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid --fork bash -c '
    for fd in /proc/$$/fd/*; do fd=${fd##*/}; ((fd > 2)) && eval "exec $fd>&-"; done 2>/dev/null
    echo $$ >"$1"
    exec ip netns exec "$2" ptp4l -f "$3" -i eth0 -m </dev/null >"$4" 2>&1' \
    _ "$dir/ptp4l.pid" "$name" "$dir/ptp4l.conf" "$dir/ptp4l.log"
}

tail_log() { if [[ -r $1 ]]; then tail -n 8 "$1" | sed 's/^/    /' >&2; fi; }

# Waits until the sshd of every device given (rows of the device table) accepts TCP and its ptp4l
# answers pmc; names what did not come up.
wait_ready() {
  local deadline=$(($(now_ms) + UP_TIMEOUT_S * 1000)) row name role octet dir uds pending what addr
  while :; do
    pending=()
    for row in "$@"; do
      read -r name role octet <<<"$row"
      dir=$(device_dir "$name")
      uds=$(device_uds "$name")
      if has_ptp4l "$name"; then
        pid_alive "$(read_pid "$dir/ptp4l.pid")" || { log "$name: ptp4l exited; its log:"; tail_log "$dir/ptp4l.log"; return 1; }
        if [[ -S $uds ]] && ! is_isolated "$name"; then
          # ptp4l 3.1 creates its socket 0755 (no uds_file_mode yet); let group sslab's pmc write.
          # The isolated device keeps ptp4l's root-only socket: the usual case for a non-root login.
          chgrp "$LAB_USER" "$uds" && chmod 0660 "$uds"
        fi
        pmc_answers "$uds" || pending+=("$name:ptp4l")
      fi
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
          ptp4l) log "$name: ptp4l did not answer pmc on $(device_uds "$name") within ${UP_TIMEOUT_S} s; last lines of $dir/ptp4l.log:"; tail_log "$dir/ptp4l.log" ;;
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
    printf ' "hostKeySha256": %s, "clockIdentity": %s, "udsPath": %s, "ptp4lConfig": %s, "ptp4lLog": %s, "sshdLog": %s, "hostVeth": %s }' \
      "$(json_string "$fingerprint")" "$(json_string "$(printf '025353.fffe.0000%02x' "$octet")")" \
      "$(json_string "$(device_uds "$name")")" "$(json_string "$dir/ptp4l.conf")" \
      "$(json_string "$dir/ptp4l.log")" "$(json_string "$dir/sshd.log")" "$(json_string "$(host_veth "$name")")"
  done
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
      printf '\n  ],\n  "jumpHost": '
      jump_json
      printf ',\n  "behindJump": [\n'
      device_json_list "$password" "${JUMP_DEVICES[@]:1}"
      printf '\n  ],\n  "upSeconds": %s\n}\n' "$up_seconds"
    } >"$tmp"
  )
  mv -f "$tmp" "$LAB_JSON"
}

device_healthy() {
  local name=$1 octet=$2 dir
  dir=$(device_dir "$name")
  pid_alive "$(read_pid "$dir/sshd.pid")" || return 1
  if has_ptp4l "$name"; then
    pid_alive "$(read_pid "$dir/ptp4l.pid")" || return 1
    pmc_answers "$(device_uds "$name")" || return 1
  fi
  # A disruptive test may have pulled an isolated device's link for a moment: that is not a reason to rebuild it.
  is_isolated "$name" || device_tcp_open "$name" "$(name_addr "$name" "$octet")" || return 1
}

# True when every device row given is healthy.
devices_healthy() {
  local row name role octet
  for row in "$@"; do
    read -r name role octet <<<"$row"
    device_healthy "$name" "$octet" || return 1
  done
}

lab_healthy() {
  [[ -r $LAB_JSON ]] && grep -q '"behindJump"' "$LAB_JSON" && devices_healthy "${ALL_DEVICES[@]}"
}

# Builds one device from nothing: namespace, configs, host key (added to known_hosts), sshd, ptp4l.
build_device() {
  local name=$1 role=$2 octet=$3
  mkdir -p "$(device_dir "$name")"
  chmod 0711 "$(device_dir "$name")"
  make_device_netns "$name" "$octet"
  write_ptp4l_conf "$name" "$role"
  write_sshd_conf "$name" "$octet"
  printf '%s %s\n' "$(name_addr "$name" "$octet")" "$(cut -d' ' -f1,2 "$(device_dir "$name")/ssh_host_ed25519_key.pub")" >>"$KNOWN_HOSTS"
  start_sshd "$name" || { log "$name: sshd did not start; last lines of its log:"; tail_log "$(device_dir "$name")/sshd.log"; die "lab did not come up"; }
  if has_ptp4l "$name"; then start_ptp4l "$name"; fi
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
  for row in "${ISOLATED_DEVICES[@]}"; do
    read -r name role octet <<<"$row"
    device_healthy "$name" "$octet" && continue
    rebuild_devices "$row"
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

cmd_up() {
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
  local row name role octet dir healthy=1 ptp sshd state
  for row in "${ALL_DEVICES[@]}"; do
    read -r name role octet <<<"$row"
    dir=$(device_dir "$name")
    ptp=down sshd=down state=-
    pid_alive "$(read_pid "$dir/ptp4l.pid")" && ptp=running
    has_ptp4l "$name" || ptp=none
    pid_alive "$(read_pid "$dir/sshd.pid")" && device_tcp_open "$name" "$(name_addr "$name" "$octet")" && sshd=listening
    [[ $ptp == running ]] && state=$(port_state "$(device_uds "$name")")
    [[ $sshd == listening ]] && { [[ $ptp == none ]] || [[ $ptp == running && -n $state ]]; } || healthy=0
    printf '%-7s %-5s %-15s ptp4l=%-7s sshd=%-9s portState=%s\n' "$name" "$role" "$(name_addr "$name" "$octet")" "$ptp" "$sshd" "${state:--}"
  done
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
