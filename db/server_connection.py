"""A team server's address and the plain connection to it: `postgresql://user@host:port/dbname` or a
libpq service (`postgresql:///?service=uppdrag`), parsed and held to db.server's security rules
(TLS with a verified certificate for anything but this computer; no password in an address), and
what a failed connection says, in one Swedish sentence. db.server builds its store on these.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.i18n import tr
from db.errors import StoreError

SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_S = 5
LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})
VERIFIED_TLS = ("verify-full", "verify-ca")


def is_server_url(value: object) -> bool:
    return isinstance(value, ServerAddress) or (isinstance(value, str) and value.lower().startswith(SCHEMES))


class ServerError(StoreError):
    """A problem reaching or using the server; str() is one Swedish sentence."""


class PasswordNeeded(ServerError):
    """The server asks for a password and none was found (.pgpass) or given."""


class ConnectionLost(ServerError):
    """The connection broke (server restarted, network gone); what was being written was not saved."""


def _service_file_values(service: str) -> dict[str, str]:
    """What libpq's service file says for `service` (the user's file first, then the system's)."""
    import configparser  # only a service address reads it: the app's start does not load it

    files = [os.environ.get("PGSERVICEFILE") or str(Path.home() / ".pg_service.conf")]
    sysconf = os.environ.get("PGSYSCONFDIR")
    if sysconf:
        files.append(str(Path(sysconf) / "pg_service.conf"))
    for name in files:
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(name, encoding="utf-8")
        except (OSError, configparser.Error):
            continue
        if parser.has_section(service):
            return dict(parser.items(service))
    return {}


def _is_local(host: str) -> bool:
    return all(h.strip() in LOCAL_HOSTS or h.strip().startswith(("/", "@")) or h.strip().startswith("127.")
               for h in host.split(","))


@dataclass(frozen=True)
class ServerAddress:
    """A parsed, checked server address. `url` is what the user gave (it never holds a password)."""

    url: str
    params: dict[str, str] = field(compare=False, hash=False)  # the URL's parameters as libpq reads them
    effective: dict[str, str] = field(compare=False, hash=False)  # with the service file's values under them

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        from psycopg import ProgrammingError
        from psycopg.conninfo import conninfo_to_dict

        url = url.strip()
        try:
            params = {k: str(v) for k, v in conninfo_to_dict(url).items()}
        except ProgrammingError as exc:
            raise bad_address(url) from exc
        if "password" in params:
            raise ServerError(tr(
                "Adressen innehåller ett lösenord, och Uppdrag sparar aldrig lösenord: ta bort det ur "
                "adressen och lägg det i PostgreSQL:s .pgpass-fil, eller skriv det när Uppdrag frågar."
            ))
        service = params.get("service") or os.environ.get("PGSERVICE", "")
        effective = {**(_service_file_values(service) if service else {}), **params}
        if service and not effective.keys() - {"service"}:
            raise ServerError(tr("Tjänsten ”{service}” finns inte i någon pg_service.conf; be IT om rätt adress.",
                                 service=service))
        return cls(url, params, effective)

    @property
    def host(self) -> str:
        return self.effective.get("host") or self.effective.get("hostaddr") or os.environ.get("PGHOST", "")

    @property
    def dbname(self) -> str:
        return self.effective.get("dbname") or self.effective.get("user") or ""

    @property
    def local(self) -> bool:
        return _is_local(self.host)

    @property
    def name(self) -> str:
        """How the server is named in sentences and the window title."""
        where = tr("den här datorn") if self.local else self.host
        return tr("{database} på {where}", database=self.dbname or "uppdrag", where=where)

    def __str__(self) -> str:
        return self.url

    def connect_params(self) -> dict[str, Any]:
        """Keyword parameters for psycopg.connect beside the URL: time-out, name, TLS rule."""
        extra: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "uppdrag"}
        if not self.local:
            mode = self.effective.get("sslmode") or os.environ.get("PGSSLMODE")
            if mode is None:
                extra["sslmode"] = "verify-full"
            elif mode not in VERIFIED_TLS:
                raise ServerError(tr(
                    "Servern {host} nås bara krypterat med kontrollerat certifikat: ta bort "
                    "sslmode={mode} ur adressen (eller ange sslmode=verify-full och sslrootcert=CA-fil).",
                    host=self.host, mode=mode))
        return extra


def address(value: str | ServerAddress) -> ServerAddress:
    return value if isinstance(value, ServerAddress) else ServerAddress.parse(str(value))


# --- errors ------------------------------------------------------------------------


def bad_address(url: str) -> ServerError:
    return ServerError(tr("Adressen ”{url}” är ingen giltig serveradress; skriv den som "
                          "postgresql://användare@värd:port/databas.", url=url))


_PATTERNS: tuple[tuple[str, Callable[[ServerAddress, str], ServerError]], ...] = (
    (r"invalid (integer|port|connection option|URI|sslmode|value)|missing \"=\"", lambda a, _m: bad_address(a.url)),
    (r"no password supplied|password is required", lambda a, _m: PasswordNeeded(tr(
        "Servern {server} vill ha ett lösenord; lägg det i .pgpass eller skriv det när Uppdrag frågar.",
        server=a.name))),
    (r"password authentication failed|authentication failed", lambda a, _m: ServerError(tr(
        "Inloggningen på {server} misslyckades: kontrollera användarnamn och lösenord (eller .pgpass) "
        "och försök igen.", server=a.name))),
    (r'database "[^"]*" does not exist', lambda a, _m: ServerError(tr(
        "Databasen ”{database}” finns inte på servern; kontrollera adressen eller be IT skapa den.",
        database=a.dbname))),
    (r'role "([^"]*)" does not exist', lambda a, m: ServerError(tr(
        "Användaren finns inte på servern {server}; be IT lägga upp ditt konto ({user}).", server=a.name,
        user=_quoted(m)))),
    (r"does not match host name", lambda a, _m: ServerError(tr(
        "Serverns certifikat gäller inte för {host} utan för ett annat namn; skriv serverns namn i adressen "
        "så som det står i certifikatet, eller be IT om rätt adress.", host=a.host))),
    (r"certificate|SSL|ssl", lambda a, _m: ServerError(tr(
        "Serverns certifikat för {server} kunde inte kontrolleras; be IT om rätt CA-fil och ange den "
        "som sslrootcert= i adressen.", server=a.name))),
    (r"could not translate host name|Name or service not known|nodename nor servname", lambda a, _m: ServerError(
        tr("Servern ”{host}” finns inte; kontrollera adressen.", host=a.host))),
    (r"Connection refused|timeout expired|timed out|No such file or directory|could not connect|"
     r"Network is unreachable|No route to host|server closed the connection|connection is lost|"
     r"terminating connection|the database system is (starting up|shutting down)|connection failed",
     lambda a, _m: ServerError(tr(
         "Servern {server} svarar inte; kontrollera nätverket och adressen, eller be IT se efter att "
         "databasservern är igång.", server=a.name))),
)


def _quoted(message: str) -> str:
    found = re.search(r'"([^"]*)"', message)
    return found.group(1) if found else ""


def connect_error(addr: ServerAddress, exc: BaseException) -> ServerError:
    message = str(exc)
    for pattern, make in _PATTERNS:
        if re.search(pattern, message):
            return make(addr, message)
    first = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    return ServerError(tr("Uppdrag kunde inte ansluta till {server} ({why}); kontrollera adressen.", server=addr.name,
                          why=first))


def load_dates_as_text(conn: Any) -> None:
    """Dates come back as ISO text, as from a file, so raw reads need no second code path."""
    from psycopg.types.string import TextLoader

    conn.adapters.register_loader("date", TextLoader)


def raw_connect(addr: ServerAddress, password: str | None = None, **extra: Any) -> Any:
    """A plain psycopg connection (autocommit), for listening and the admin's statements."""
    import psycopg

    params = {**addr.connect_params(), **extra}
    if password:
        params["password"] = password
    try:
        conn = psycopg.connect(addr.url, autocommit=True, **params)
    except psycopg.Error as exc:
        raise connect_error(addr, exc) from None
    check_tls(addr, conn)
    load_dates_as_text(conn)
    return conn


def check_tls(addr: ServerAddress, conn: Any) -> None:
    """Belt and braces: whatever libpq read from elsewhere, a remote server is reached over TLS."""
    host = conn.info.host or ""
    if not _is_local(host) and not conn.pgconn.ssl_in_use:
        conn.close()
        raise ServerError(tr("Servern {server} nåddes utan kryptering; Uppdrag ansluter inte så.", server=addr.name))
