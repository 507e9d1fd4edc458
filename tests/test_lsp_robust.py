"""The language server answers every request and never pops up an error (issue 15, item 3).

Driven over stdio with raw JSON-RPC (``lsp_wire.Wire``), because the cases are ones a client
library refuses to send: malformed JSON, params of the wrong shape, requests about documents
that are neither open nor on disk. A request left unanswered fails on the read's deadline.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lsp_wire import Wire

BAIT = "Like if you agree!\n"


@pytest.fixture
def wire(tmp_path: Path) -> Iterator[Wire]:
    root = tmp_path / "drafts"
    root.mkdir()
    (root / "sociable.toml").write_text('select = ["EB", "SX"]\n', encoding="utf-8")
    server = Wire(root, tmp_path / "cache", "--debounce", "0")
    answer = server.initialize(root)
    assert "capabilities" in answer["result"]
    yield server
    server.close()  # stderr is the server's log: tracebacks may go there, never to the client


def assert_short_error(response: dict[str, Any], code: int) -> str:
    assert "result" not in response or response.get("result") is None
    error = response["error"]
    assert error["code"] == code, error
    assert "data" not in error or error["data"] is None, error  # never a traceback
    message = error["message"]
    assert "Traceback" not in message and "\n" not in message and len(message) <= 200
    return str(message)


def no_pop_ups(server: Wire) -> None:
    pops = [m for m in server.seen if m.get("method") in ("window/showMessage", "window/showMessageRequest")]
    assert pops == []


def ghost(tmp_path: Path) -> str:
    return (tmp_path / "drafts" / "never-written.md").as_uri()


def position_params(uri: str) -> dict[str, Any]:
    return {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}


def test_hover_on_a_document_neither_open_nor_on_disk(wire: Wire, tmp_path: Path) -> None:
    response = wire.call("textDocument/hover", position_params(ghost(tmp_path)))
    assert response.get("error") is None and response["result"] is None
    no_pop_ups(wire)


def test_code_action_on_a_document_neither_open_nor_on_disk(wire: Wire, tmp_path: Path) -> None:
    params = {
        "textDocument": {"uri": ghost(tmp_path)},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
        "context": {"diagnostics": []},
    }
    response = wire.call("textDocument/codeAction", params)
    assert response.get("error") is None and response["result"] is None
    # A non-file URI the server cannot read is the same: an answer, not an error.
    params["textDocument"] = {"uri": "untitled:Untitled-1"}
    assert wire.call("textDocument/codeAction", params)["result"] is None


def test_hover_on_a_closed_file_that_exists_reads_it(wire: Wire, tmp_path: Path) -> None:
    path = tmp_path / "drafts" / "post.md"
    path.write_text(BAIT, encoding="utf-8")
    response = wire.call("textDocument/hover", position_params(path.as_uri()))
    assert "EB101" in response["result"]["contents"]["value"]


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("textDocument/hover", {"textDocument": 5}),
        ("textDocument/hover", {"textDocument": {"uri": "file:///x.md"}}),  # no position
        ("textDocument/hover", {"textDocument": {"uri": "file:///x.md"}, "position": {"line": "a"}}),
        ("textDocument/codeAction", {"textDocument": {"uri": "file:///x.md"}}),
        ("textDocument/codeAction", []),
    ],
)
def test_invalid_params_get_an_invalid_params_error(
    wire: Wire, method: str, params: Any
) -> None:
    message = assert_short_error(wire.call(method, params), -32602)
    assert message == f"sociable: invalid params for {method}"
    no_pop_ups(wire)
    # And the server keeps serving.
    assert wire.call("textDocument/hover", position_params("file:///nope.md"))["result"] is None


def test_malformed_json_is_logged_not_shown(wire: Wire, tmp_path: Path) -> None:
    wire.send_bytes(b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {')
    wire.send_bytes(b"\xff\xfe not json at all")
    wire.send_bytes(b"[1, 2, 3]")
    wire.send_bytes(b'"just a string"')
    response = wire.call("textDocument/hover", position_params(ghost(tmp_path)))
    assert response["result"] is None  # still serving, in order
    no_pop_ups(wire)


def test_requests_that_are_not_json_rpc_2_get_an_error(wire: Wire) -> None:
    wire.send({"id": 7, "method": "textDocument/hover", "params": {}})
    assert_short_error(wire.response(7), -32600)
    wire.send({"jsonrpc": "1.0", "id": 8, "method": "shutdown"})
    assert_short_error(wire.response(8), -32600)
    no_pop_ups(wire)


def test_unknown_method_is_method_not_found(wire: Wire) -> None:
    assert_short_error(wire.call("sociable/noSuchThing", {}), -32601)
    message = assert_short_error(wire.call("sociable/noParams"), -32601)
    assert message.endswith("sociable/noParams")


def test_invalid_notification_params_do_not_pop_up(wire: Wire, tmp_path: Path) -> None:
    wire.notify("textDocument/didOpen", {"textDocument": {"uri": 3}})
    wire.notify("textDocument/didChange", {"textDocument": {"uri": ghost(tmp_path), "version": 2},
                                           "contentChanges": [{"text": "x"}]})
    wire.notify("workspace/didChangeWatchedFiles", {"changes": "nope"})
    assert wire.call("textDocument/hover", position_params(ghost(tmp_path)))["result"] is None
    no_pop_ups(wire)


def test_every_request_of_a_mixed_burst_is_answered(wire: Wire, tmp_path: Path) -> None:
    uri = (tmp_path / "drafts" / "open.md").as_uri()
    wire.notify("textDocument/didOpen", {
        "textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": BAIT}
    })
    sent = [
        wire.request("textDocument/hover", position_params(uri)),
        wire.request("textDocument/hover", {"bad": True}),
        wire.request("textDocument/hover", position_params(ghost(tmp_path))),
        wire.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 4}},
            "context": {"diagnostics": []},
        }),
        wire.request("sociable/unknown"),
    ]
    answered: dict[int, dict[str, Any]] = {}
    while len(answered) < len(sent):
        message = wire.next_message(timeout=20)
        if "id" in message and "method" not in message:
            answered[message["id"]] = message
    assert sorted(answered) == sorted(sent)
    assert "EB101" in answered[sent[0]]["result"]["contents"]["value"]
    assert answered[sent[1]]["error"]["code"] == -32602
    assert answered[sent[2]]["result"] is None
    assert answered[sent[4]]["error"]["code"] == -32601
    no_pop_ups(wire)


# --- in process: the protocol strips tracebacks from whatever a handler raised -----------------


def test_internal_errors_reach_the_client_without_a_traceback() -> None:
    import argparse
    import json

    from pygls.exceptions import JsonRpcInternalError

    from sociable.faces.lsp.server import create_server

    server = create_server(argparse.Namespace(
        debounce=0, config=None, isolated=True, no_workspace=True
    ))
    out = io.BytesIO()

    class Writer:
        def write(self, data: bytes) -> None:
            out.write(data)

        def close(self) -> None:
            pass

    server.protocol.set_writer(Writer())
    try:
        raise FileNotFoundError(2, "No such file or directory", "/gone.md")
    except FileNotFoundError:
        error = JsonRpcInternalError.of(sys.exc_info()).to_response_error()
    assert error.data is not None  # pygls would have sent this traceback
    server.protocol._send_response(5, error=error)
    body = out.getvalue().split(b"\r\n\r\n", 1)[1]
    sent = json.loads(body)
    assert sent["id"] == 5 and sent["error"]["code"] == -32603
    assert "data" not in sent["error"] or sent["error"]["data"] is None
    assert "No such file or directory" in sent["error"]["message"]


def test_out_of_band_errors_are_logged_not_shown(caplog: pytest.LogCaptureFixture) -> None:
    import argparse

    from pygls.exceptions import JsonRpcException

    from sociable.faces.lsp.server import create_server

    server = create_server(argparse.Namespace(
        debounce=0, config=None, isolated=True, no_workspace=True
    ))
    shown: list[object] = []
    server.window_show_message = shown.append  # type: ignore[method-assign]
    with caplog.at_level("ERROR", logger="sociable.lsp"):
        server.report_server_error(ValueError("Expecting value: line 1 column 1"), JsonRpcException)
    assert shown == []
    assert "Expecting value" in caplog.text
