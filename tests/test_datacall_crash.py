"""No answer is ever lost: the server killed during a submission leaves the old
version or the new one, complete, never neither. On SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import re
import threading
import time

import httpx

from tests.datacall_support import Client, Server, request_ids

DELAYS = (0.0, 0.02)


def versions(client: Client, rid: int) -> list[tuple[int, str]]:
    page = client.get(f"/requests/{rid}").text
    return [
        (int(v), value) for v, value in re.findall(r"<strong>Version (\d+)</strong>: (\S+) ", page)
    ]


def test_a_killed_server_keeps_the_old_or_the_new_version(datacall_db: str) -> None:
    server = Server(datacall_db).start()
    try:
        hsi = Client(server.url).login("hsi")
        rid = request_ids(hsi)["hsi.tciu_partner_countries"]
        form = {"unit": "countries", "qualifier": "exact", "as_of": "2023-09-30",
                "source": "TCIU roster", "note": "checked"}  # fmt: skip
        assert hsi.post(f"/requests/{rid}/answers", {**form, "value": "16"}).status_code == 303
        seen = [(1, "16")]
        for n, delay in enumerate(DELAYS, 2):
            value = str(15 + n)
            sending = threading.Thread(
                target=_post_quietly,
                args=(hsi, f"/requests/{rid}/answers", {**form, "value": value}),
            )
            sending.start()
            time.sleep(delay)
            server.kill()
            sending.join()
            server.start()
            hsi = Client(server.url).login("hsi")
            found = versions(hsi, rid)
            newest = len(seen) + 1
            assert found[1:] == seen[::-1] if found[0] == (newest, value) else found == seen[::-1]
            seen = found[::-1]
    finally:
        server.stop()


def _post_quietly(client: Client, path: str, form: dict[str, str]) -> None:
    with contextlib.suppress(httpx.HTTPError):  # the server died under it: what counts
        client.post(path, form)  # is what the database kept
