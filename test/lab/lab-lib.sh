# Sourced by lab.sh and serial-console.sh: what both need, written once.

# A zombie counts as gone: our daemons are reparented to pid 1, which may reap them late.
pid_alive() {
  [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null || return 1
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}
read_pid() { if [[ -r $1 ]]; then tr -dc '0-9' <"$1"; fi; }

# The one ptp4l configuration every lab device runs: software timestamps on a veth, and
# free_running so that no ptp4l ever adjusts the shared host clock.
#   lab_ptp4l_conf DESCRIPTION DOMAIN SUMMARY_INTERVAL UDS_PATH PRIORITY1 CLOCK_CLASS SLAVE_ONLY
lab_ptp4l_conf() {
  cat <<CONF
# Syncscope lab: $1. Software timestamps on a veth; free_running so that
# no ptp4l ever adjusts the shared host clock.
[global]
domainNumber            $2
network_transport       UDPv4
delay_mechanism         E2E
time_stamping           software
free_running            1
tx_timestamp_timeout    50
logAnnounceInterval     0
announceReceiptTimeout  3
logSyncInterval         0
logMinDelayReqInterval  0
summary_interval        $3
logging_level           6
verbose                 1
use_syslog              0
uds_address             $4
CONF
  printf '%-23s %s\n' priority1 "$5" clockClass "$6" slaveOnly "$7"
}
