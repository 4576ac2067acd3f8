#!/usr/bin/env bash
# A single-node SLURM cluster on this machine, for the SLURM array test (SlurmArrayTest) and for
# trying cluster/style-array.sbatch without a real cluster.
#
#   cluster/local-cluster.sh start   installs slurm + munge (Debian/Ubuntu, as root) if missing,
#                                    writes /etc/slurm/slurm.conf and starts munged, slurmctld, slurmd
#   cluster/local-cluster.sh stop    stops the daemons this script started
#   cluster/local-cluster.sh status  exits 0 when the local cluster answers
#
# No systemd: the daemons are started by hand. Everything runs as root (SlurmUser=root), which
# is fine for a throw-away test node and wrong for a real cluster. The cluster is named
# "neuralstyle-local" so that tests never submit to a real site's cluster by mistake.
set -euo pipefail

NAME=neuralstyle-local
BASE=${NEURALSTYLE_SLURM_DIR:-/var/tmp/neuralstyle-slurm}
CONF=/etc/slurm/slurm.conf
MARK="# written by neural-style cluster/local-cluster.sh"
CPUS=${NEURALSTYLE_SLURM_CPUS:-2}
HOST=$(hostname -s)
# slurmd drains a node whose configured memory exceeds what it finds: stay a little below.
MEM_MB=$(awk '/^MemTotal:/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)

say() { echo "local-cluster: $*" >&2; }

install() {
	if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null \
		&& command -v munged >/dev/null; then
		return 0
	fi
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
		say "slurm is not installed and this is not root on Debian/Ubuntu: install slurmctld slurmd slurm-client munge"
		return 1
	fi
	say "installing slurmctld slurmd slurm-client munge (apt-get)"
	# policy-rc.d style: the packages' own services are not started (no systemd here), we start them below.
	DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -q --no-install-recommends \
		slurmctld slurmd slurm-client munge >"$BASE/apt.log" 2>&1 \
		|| { say "apt-get install failed (see $BASE/apt.log)"; tail -5 "$BASE/apt.log" >&2; return 1; }
}

write_conf() {
	if [ -f "$CONF" ] && ! grep -qF "$MARK" "$CONF"; then
		say "$CONF exists and was not written by this script: not touching it"
		return 1
	fi
	mkdir -p /etc/slurm "$BASE/ctld" "$BASE/d" "$BASE/log"
	cat >"$CONF" <<CONF
$MARK
ClusterName=$NAME
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$BASE/ctld
SlurmdSpoolDir=$BASE/d
SlurmctldPidFile=$BASE/slurmctld.pid
SlurmdPidFile=$BASE/slurmd.pid
SlurmctldLogFile=$BASE/log/slurmctld.log
SlurmdLogFile=$BASE/log/slurmd.log
# No cgroups in a container: track processes by parent id, bind nothing.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
# No slurmdbd: finished jobs go to a text file that 'sacct --completion' reads.
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$BASE/log/jobcomp.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=1024
ReturnToService=2
MaxArraySize=10001
KillWait=5
SlurmdTimeout=60
NodeName=$HOST CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_munge() {
	if munge -n >/dev/null 2>&1 </dev/null; then return 0; fi
	mkdir -p /run/munge /var/log/munge /var/lib/munge
	chown munge:munge /run/munge /var/log/munge /var/lib/munge
	chmod 0755 /run/munge
	[ -s /etc/munge/munge.key ] || { mungekey --create 2>/dev/null || create-munge-key -f; chown munge:munge /etc/munge/munge.key; }
	runuser -u munge -- munged
	for _ in $(seq 20); do munge -n >/dev/null 2>&1 </dev/null && return 0; sleep 0.5; done
	say "munged did not start (see /var/log/munge/munged.log)"
	return 1
}

up() {
	scontrol ping 2>/dev/null | grep -q UP && sinfo -h -N -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'
}

start() {
	mkdir -p "$BASE"
	install
	write_conf
	start_munge
	running "$BASE/slurmctld.pid" || slurmctld
	running "$BASE/slurmd.pid" || slurmd
	for _ in $(seq 60); do
		if up; then
			say "up: cluster $NAME, node $HOST with $CPUS CPUs and $MEM_MB MB, logs in $BASE/log"
			return 0
		fi
		sleep 1
	done
	say "slurm did not come up in 60 s; last lines of the logs:"
	tail -5 "$BASE/log/slurmctld.log" "$BASE/log/slurmd.log" >&2 || true
	return 1
}

stop() {
	for d in slurmd slurmctld; do
		if running "$BASE/$d.pid"; then kill "$(cat "$BASE/$d.pid")"; fi
	done
	if [ -f /run/munge/munged.pid ] && kill -0 "$(cat /run/munge/munged.pid)" 2>/dev/null; then
		kill "$(cat /run/munge/munged.pid)"
	fi
	say "stopped"
}

case "${1:-}" in
	start) start ;;
	stop) stop ;;
	status) up ;;
	*) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
