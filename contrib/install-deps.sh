#!/bin/sh
# install-deps.sh - install every Debian 12 package that building, testing and
# running linkedin-milter needs, without starting any system service.
set -eu

SUDO=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || { echo "install-deps.sh: run as root (or install sudo)" >&2; exit 1; }
	SUDO=sudo
fi

BUILD="build-essential autoconf automake pkg-config \
	libmilter-dev libetpan-dev libgnutls28-dev libconfig-dev libpcre2-dev libcmocka-dev \
	libunistring-dev libidn2-dev libicu-dev libmicrohttpd-dev libgumbo-dev libopendkim-dev libunbound-dev"
TEST="python3 postfix miltertest swaks m4 dovecot-core dovecot-imapd \
	dovecot-sieve openssl opendkim opendkim-tools unbound valgrind mandoc clang \
	libclang-rt-14-dev file procps iproute2 util-linux systemd strace \
	debhelper dpkg-dev lintian fakeroot"

# Postfix: no configuration, no system instance
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections

# packages must not start services while they are installed here
added_policy=no
if [ ! -e /usr/sbin/policy-rc.d ]; then
	printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
	$SUDO chmod 755 /usr/sbin/policy-rc.d
	added_policy=yes
fi
cleanup() { [ "$added_policy" = no ] || $SUDO rm -f /usr/sbin/policy-rc.d; }
trap cleanup EXIT

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	--no-install-recommends $BUILD $TEST >/dev/null
echo "install-deps.sh: packages installed"
