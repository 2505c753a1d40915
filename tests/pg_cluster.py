"""A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, a free
localhost port and a Unix socket in that folder, stopped (and removed) at the end.

PostgreSQL refuses to run as root, and CI runs as root: the cluster then runs as the
unprivileged `postgres` user (the Debian package makes it; .ci/run makes sure). Anything
that keeps the server from starting raises, with the server's log: these tests never skip.

Authentication: the socket trusts everyone (the tests' superuser `postgres` sets things
up through it); TCP asks for a password (scram-sha-256), so the tests can connect as
ordinary users with a password file and see a wrong password refused.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"


class ClusterError(RuntimeError):
    pass


def find_bindir() -> Path:
    """The folder with initdb and pg_ctl: $UPPDRAG_PG_BIN, the newest Debian install, or PATH."""
    named = os.environ.get("UPPDRAG_PG_BIN")
    candidates = [Path(named)] if named else []
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                                           key=lambda p: int(Path(p).parent.name), reverse=True)]
    which = shutil.which("pg_ctl")
    if which:
        candidates.append(Path(which).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise ClusterError("PostgreSQL (initdb, pg_ctl) is not installed: apt-get install postgresql")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """`folder` None: a new temporary folder. Given: a cluster kept there between runs (the
    benchmark's), made the first time."""

    def __init__(self, folder: Path | None = None) -> None:
        self.bindir = find_bindir()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                self.owner = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise ClusterError("running as root needs the unprivileged user 'postgres' "
                                   "(useradd --system postgres)") from exc
        self.folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="uppdrag-pg-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        self.data = self.folder / "data"
        self.socket_dir = self.folder
        self.log = self.folder / "server.log"
        self.port = free_port()
        if self.as_root:
            os.chown(self.folder, self.owner.pw_uid, self.owner.pw_gid)
        os.chmod(self.folder, 0o755)

    # --- running the server's programs ------------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.folder, timeout=120)
        if check and done.returncode != 0:
            raise ClusterError(f"{' '.join(args[:2])} failed ({done.returncode}):\n{done.stdout}\n"
                               f"{done.stderr}\n{self._log_tail()}")
        return done

    def _log_tail(self) -> str:
        try:
            return "server log:\n" + self.log.read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth-local=trust",
                  "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(
                "\nlisten_addresses = '127.0.0.1'\n"
                "fsync = off\nfull_page_writes = off\n"
                "max_connections = 100\nshared_buffers = 32MB\n"
            )

    def enable_tls(self, host: str) -> Path:
        """Serve TLS with a certificate for `host` signed by a CA of its own (made with openssl);
        the CA certificate's path, for `sslrootcert=`. Call before `start`."""
        ca = make_certificates(self.folder / "tls", host)
        key = self.folder / "tls" / "server.key"
        if self.as_root:  # the server reads its key as `postgres`, and only a key no one else may read
            for f in key.parent.iterdir():
                os.chown(f, self.owner.pw_uid, self.owner.pw_gid)
            os.chown(key.parent, self.owner.pw_uid, self.owner.pw_gid)
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(f"\nssl = on\nssl_cert_file = '{key.with_suffix('.crt')}'\nssl_key_file = '{key}'\n")
        return ca

    @property
    def initialised(self) -> bool:
        return (self.data / "PG_VERSION").exists()

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                  "-o", f"-p {self.port} -k {self.socket_dir}", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop", check=False)

    def restart(self) -> None:
        self.stop()
        self.start()

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- talking to it ------------------------------------------------------------

    def superuser_conninfo(self, dbname: str = "postgres") -> str:
        return f"host={self.socket_dir} port={self.port} user={SUPERUSER} dbname={dbname}"

    def sql(self, statement: str, params: tuple = (), dbname: str = "postgres") -> list[tuple]:
        """Run one statement as the superuser (through the socket); its rows, if any."""
        import psycopg

        with psycopg.connect(self.superuser_conninfo(dbname), autocommit=True) as conn:
            cur = conn.execute(statement, params)
            return cur.fetchall() if cur.description else []

    def url(self, user: str, dbname: str, *, tcp: bool = True) -> str:
        if tcp:
            return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"
        return f"postgresql://{user}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def admin_url(self, dbname: str) -> str:
        return self.url(SUPERUSER, dbname, tcp=False)

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while True:
            done = self._run("pg_isready", "-h", str(self.socket_dir), "-p", str(self.port), check=False)
            if done.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise ClusterError(f"the server did not become ready:\n{self._log_tail()}")
            time.sleep(0.1)


def make_certificates(folder: Path, host: str) -> Path:
    """A self-signed CA (ca.crt) and a server certificate for `host` it signed (server.crt, server.key)
    in `folder`; returns the CA certificate's path."""
    folder.mkdir(parents=True, exist_ok=True)

    def openssl(*args: str) -> None:
        done = subprocess.run(["openssl", *args], capture_output=True, text=True, cwd=folder, timeout=60)
        if done.returncode != 0:
            raise ClusterError(f"openssl {args[0]} failed:\n{done.stderr}")

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Uppdrag test CA",
            "-keyout", "ca.key", "-out", "ca.crt")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={host}", "-keyout", "server.key",
            "-out", "server.csr")
    (folder / "san.ext").write_text(f"subjectAltName = DNS:{host}\n", encoding="utf-8")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-extfile", "san.ext", "-out", "server.crt")
    os.chmod(folder / "server.key", 0o600)
    return folder / "ca.crt"


def start_cluster(folder: Path | None = None) -> Cluster:
    """A running cluster: a new one, or the one kept in `folder` (made there the first time)."""
    cluster = Cluster(folder)
    try:
        if not cluster.initialised:
            cluster.init()
        cluster.start()
        cluster.wait_ready()
    except BaseException:
        cluster.stop("immediate") if folder else cluster.remove()
        raise
    return cluster
