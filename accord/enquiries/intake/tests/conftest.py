"""A real IMAP server for the intake's tests: pymap's in-memory backend, run on a free local port."""

from __future__ import annotations

import imaplib
import itertools
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest

from accord.enquiries.intake.models import EnquiryMailbox
from accord.enquiries.tests.conftest import Scene, make_scene

USER, PASSWORD, PASSWORD_ENV = "enquiries", "imap-test-password", "ACCORD_TEST_MAILBOX_PASSWORD"
_folders = itertools.count(1)


@dataclass
class ImapServer:
    host: str
    port: int

    def client(self) -> imaplib.IMAP4:
        imap = imaplib.IMAP4(self.host, self.port, timeout=10)
        imap.login(USER, PASSWORD)
        return imap

    def new_folder(self) -> str:
        name = f"Enquiries{next(_folders)}"
        with self.client() as imap:
            imap.create(name)
        return name

    def deliver(self, folder: str, message: EmailMessage | bytes) -> None:
        raw = message if isinstance(message, bytes) else message.as_bytes()
        with self.client() as imap:
            answer = imap.append(folder, "", "", raw)
            assert answer[0] == "OK", answer


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def imap_server() -> Iterator[ImapServer]:
    program = shutil.which("pymap", path=str(Path(sys.executable).parent))
    assert program is not None, "pymap is a development dependency: make install-dev"
    port = _free_port()
    process = subprocess.Popen(
        [
            program,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-tls",
            "dict",
            "--demo-user",
            USER,
            "--demo-password",
            PASSWORD,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        server = ImapServer("127.0.0.1", port)
        server.client().logout()
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass
class Intake:
    scene: Scene
    server: ImapServer
    mailbox: EnquiryMailbox

    def deliver(self, message: EmailMessage | bytes) -> None:
        self.server.deliver(self.mailbox.folder, message)


@pytest.fixture
def intake(db: None, imap_server: ImapServer, monkeypatch: pytest.MonkeyPatch) -> Intake:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    scene = make_scene()
    mailbox = EnquiryMailbox.objects.create(
        council=scene.council,
        address="enquiries@district.example.gov.uk",
        host=imap_server.host,
        port=imap_server.port,
        use_ssl=False,
        username=USER,
        password_env=PASSWORD_ENV,
        folder=imap_server.new_folder(),
        category=scene.category,
    )
    return Intake(scene, imap_server, mailbox)


def mail(
    sender: str, subject: str, text: str = "", *, html: str = "", message_id: str = ""
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "enquiries@district.example.gov.uk"
    message["Subject"] = subject
    if message_id:
        message["Message-ID"] = message_id
    if text:
        message.set_content(text)
        if html:
            message.add_alternative(html, subtype="html")
    else:
        message.set_content(html, subtype="html")
    return message
