"""A raw JSON-RPC client for ``sociable lsp`` over stdio, for tests that send what a proper
client library never would: malformed JSON, invalid params, unknown documents.

Each server gets its own temporary cache folder (``SOCIABLE_CACHE_DIR``), never a fixed path
shared between runs. Reads have a deadline, so a request the server never answers fails the
test instead of hanging it.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any


class Wire:
    def __init__(self, cwd: Path, cache_dir: Path, *args: str) -> None:
        env = {**os.environ, "SOCIABLE_CACHE_DIR": str(cache_dir)}
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.stderr_path = cache_dir / "server-stderr.log"  # a file: a pipe could fill and block
        with self.stderr_path.open("wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "sociable", "lsp", *args],
                cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, env=env,
            )
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.seen: list[dict[str, Any]] = []  # everything the server sent, in order
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    # --- framing ----------------------------------------------------------------------------

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self.messages.put(None)
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            self.messages.put(json.loads(stream.read(length)))

    def send_bytes(self, body: bytes) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.send_bytes(json.dumps(message).encode("utf-8"))

    # --- requests ---------------------------------------------------------------------------

    def request(self, method: str, params: Any = None, **extra: Any) -> int:
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method, **extra}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.next_id

    def notify(self, method: str, params: Any = None) -> None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def next_message(self, timeout: float) -> dict[str, Any]:
        message = self.messages.get(timeout=timeout)
        assert message is not None, "the server closed its output"
        self.seen.append(message)
        if "id" in message and "method" in message:  # a request from the server: accept it
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        return message

    def response(self, request_id: int | str, timeout: float = 20) -> dict[str, Any]:
        """The response to ``request_id``; raises ``queue.Empty`` when none comes in time."""
        while True:
            message = self.next_message(timeout)
            if message.get("id") == request_id and "method" not in message:
                return message

    def call(self, method: str, params: Any = None, timeout: float = 20) -> dict[str, Any]:
        return self.response(self.request(method, params), timeout)

    def initialize(self, root: Path) -> dict[str, Any]:
        answer = self.call("initialize", {
            "processId": None,
            "rootUri": root.as_uri(),
            "capabilities": {"textDocument": {"publishDiagnostics": {}}},
            "workspaceFolders": [{"uri": root.as_uri(), "name": "drafts"}],
        })
        self.notify("initialized", {})
        return answer

    def close(self) -> str:
        """Shut the server down (politely, then firmly) and return what it wrote on stderr."""
        try:
            if self.process.poll() is None:
                self.call("shutdown", timeout=10)
                self.notify("exit")
                self.process.wait(timeout=10)
        except Exception:
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")
