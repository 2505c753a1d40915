"""A real TLS connection to a team server: a throwaway cluster serving a certificate for a host
name, signed by a CA of its own. verify-full (the default off localhost) connects when the
address names that CA; another CA, or a host name the certificate is not for, is refused in one
Swedish sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.plans import list_plans
from app.workspace import Workspace
from db.server_connection import ServerError
from db.server_schema import init_server

HOST = "db.uppdrag.test"  # not localhost, so the app insists on a verified certificate
PASSWORD = "tls-losen"


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    from tests.pg_cluster import Cluster, make_certificates

    cluster = Cluster()
    try:
        cluster.init()
        ca = cluster.enable_tls(HOST)
        cluster.start()
        cluster.wait_ready()
        cluster.sql(f"CREATE ROLE anna LOGIN PASSWORD '{PASSWORD}'")
        cluster.sql("CREATE DATABASE uppdrag OWNER anna")
        init_server(cluster.admin_url("uppdrag"))
        cluster.sql("GRANT uppdrag_write TO anna")
        other_ca = make_certificates(tmp_path_factory.mktemp("annan-ca"), HOST)
        yield cluster, ca, other_ca
    finally:
        cluster.remove()


@pytest.fixture
def passfile(tls_server, tmp_path: Path, monkeypatch) -> None:
    cluster = tls_server[0]
    path = tmp_path / "pgpass"
    path.write_text(f"*:{cluster.port}:*:anna:{PASSWORD}\n", encoding="utf-8")
    path.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(path))


def url(cluster, ca: Path, host: str = HOST) -> str:
    # hostaddr: the name is only for the certificate check (no DNS entry is needed for it)
    return f"postgresql://anna@{host}:{cluster.port}/uppdrag?hostaddr=127.0.0.1&sslrootcert={ca}"


def test_verify_full_connects_over_tls(tls_server, passfile):
    cluster, ca, _other = tls_server
    ws = Workspace.open(url(cluster, ca))
    try:
        conn = ws.store.db.connection()
        assert conn.pgconn.ssl_in_use and ws.store.author == "anna"
        ws.add("plan", title="Över TLS", doc_type="plan", template="plan")
        assert [p.title for p in list_plans(ws)] == ["Över TLS"]
    finally:
        ws.close()


@pytest.mark.parametrize("case", ["another CA", "another host name"])
def test_a_certificate_that_does_not_check_out_is_refused_in_one_sentence(tls_server, passfile, case):
    cluster, ca, other_ca = tls_server
    address = url(cluster, other_ca) if case == "another CA" else url(cluster, ca, host="annan.uppdrag.test")
    with pytest.raises(ServerError) as caught:
        Workspace.open(address)
    said = str(caught.value)
    assert "\n" not in said and said.count(". ") == 0 and said.endswith(".")
    if case == "another CA":
        assert said.startswith("Serverns certifikat för uppdrag på db.uppdrag.test kunde inte kontrolleras")
    else:
        assert said.startswith("Serverns certifikat gäller inte för annan.uppdrag.test")
