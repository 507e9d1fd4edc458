"""The JSON-RPC layer under the language server: every request answered, nothing shouted.

pygls, as it comes, leaves three ways for an editor to suffer (issue 15):

* a request whose params do not fit the protocol's types fails while it is being parsed,
  before pygls knows it is a request, so no reply is ever sent and the client waits forever;
* an exception in a handler is answered with the Python traceback in the error's ``data``;
* malformed JSON and other out-of-band errors are sent as ``window/showMessage``, a pop-up.

:class:`AnsweringProtocol` answers the first with ``InvalidParams`` (-32602) and a short
message, strips ``data`` from every error response, and leaves the third to
:meth:`sociable.faces.lsp.server.SociableServer.report_server_error`, which only logs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lsprotocol.types import ResponseError
from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol
from pygls.workspace import TextDocument, Workspace

log = logging.getLogger("sociable.lsp")

INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
MAX_MESSAGE = 200  # characters of an error message sent to the client


@dataclass(frozen=True)
class Unreadable:
    """A request that could not be parsed: enough of it to answer."""

    id: int | str
    method: str
    reason: str
    code: int = INVALID_PARAMS


def short(message: str) -> str:
    """One line, at most :data:`MAX_MESSAGE` characters: what a client shows or logs."""
    line = " ".join(str(message).split())
    return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 1] + "…"


def _request_id(data: Any) -> int | str | None:
    if isinstance(data, dict) and "method" in data and isinstance(data.get("id"), int | str):
        return data["id"]
    return None


class AnsweringProtocol(LanguageServerProtocol):
    def structure_message(self, data: Any) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            request_id = _request_id(data)
            if request_id is None:
                raise  # a notification or a response: there is no one to answer
            method = str(data["method"])
            cause = exc.__cause__ or exc
            known = method in self.fm.builtin_features or method in self.fm.features
            code = INVALID_PARAMS if known else METHOD_NOT_FOUND
            return Unreadable(request_id, method, type(cause).__name__, code)

    def handle_message(self, message: Any) -> None:
        if isinstance(message, Unreadable):
            what = "invalid params for" if message.code == INVALID_PARAMS else "no such method:"
            log.warning("%s %s (%s)", what, message.method, message.reason)
            self._send_response(
                message.id,
                error=ResponseError(code=message.code, message=f"sociable: {what} {message.method}"),
            )
            return
        if isinstance(message, dict):  # JSON without "jsonrpc": not a message pygls parsed
            request_id = _request_id(message)
            log.warning("not a JSON-RPC 2.0 message: %.100r", message)
            if request_id is not None:
                self._send_response(
                    request_id,
                    error=ResponseError(
                        code=INVALID_REQUEST, message="sociable: not a JSON-RPC 2.0 request"
                    ),
                )
            return
        if getattr(message, "jsonrpc", None) != "2.0":
            log.warning("not a JSON-RPC 2.0 message: %.100r", message)
            request_id = getattr(message, "id", None)
            if getattr(message, "method", None) and isinstance(request_id, int | str):
                self._send_response(
                    request_id,
                    error=ResponseError(
                        code=INVALID_REQUEST, message="sociable: not a JSON-RPC 2.0 request"
                    ),
                )
            return
        super().handle_message(message)

    def _send_response(
        self, msg_id: Any, result: Any | None = None, error: ResponseError | None = None
    ) -> None:
        if error is not None:
            # A traceback helps no user: the message says what failed, the log has the rest.
            error = ResponseError(code=error.code, message=short(error.message), data=None)
        super()._send_response(msg_id, result, error)


# --- document sync: lines as LSP counts them ----------------------------------------------------

#: A line and its break. LSP breaks lines at \r\n, \r and \n only; ``str.splitlines``, which
#: pygls uses, also breaks at \v, \f, \x1c-\x1e, \x85, \u2028 and \u2029, so a draft holding
#: one of those desynchronised after the client's next incremental edit (found by
#: tests/test_properties.py).
_LSP_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class LspTextDocument(TextDocument):
    @property
    def lines(self) -> Sequence[str]:
        return tuple(_LSP_LINE.findall(self.source))


class LspWorkspace(Workspace):
    """pygls's workspace with :class:`LspTextDocument` buffers."""

    @classmethod
    def like(cls, workspace: Workspace) -> LspWorkspace:
        return cls(
            workspace.root_uri,
            workspace._sync_kind,
            list(workspace.folders.values()),
            workspace.position_encoding,
        )

    def _create_text_document(
        self,
        doc_uri: str,
        source: str | None = None,
        version: int | None = None,
        language_id: str | None = None,
    ) -> TextDocument:
        return LspTextDocument(
            doc_uri, source=source, version=version, language_id=language_id,
            sync_kind=self._sync_kind, position_codec=self._position_codec,
        )
