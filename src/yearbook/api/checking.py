"""``POST /api/check`` within a time budget, in a worker process that stops when its client goes.

The checker runs in a forked `yearbook.claims.budget.Worker` while the request
handler waits without blocking the server: the worker is killed when the
check passes `CHECK_TIMEOUT` (the client gets 503 ``check_timeout``) or as soon
as the client disconnects, so no request keeps a core busy after its answer is
no longer wanted. At most `MAX_CHECKS` checks run at once; a request that
cannot start within its budget gets 503 ``busy``. Errors keep the API's one
shape: an input past a limit is 422, never 500.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from starlette.requests import Request

from yearbook.api.errors import ApiError
from yearbook.claims.budget import Worker
from yearbook.claims.context import CheckContext
from yearbook.errors import InternalError, LimitError, UserError, YearbookError
from yearbook.figures import Figures

__all__ = ["CHECK_TIMEOUT", "MAX_CHECKS", "Checker", "ClientGone"]

CHECK_TIMEOUT = 10.0
"""Seconds one ``POST /api/check`` may take (``yearbook serve --check-timeout``)."""
MAX_CHECKS = 2
"""Checks running at once in one server process (one per core of the machine it was built on)."""
_POLL = 0.02


class ClientGone(YearbookError):
    """The client disconnected before its check was done (the worker was stopped)."""


def _verdicts(
    text: str,
    figures: Figures,
    fiscal_year: int | None,
    context: CheckContext,
    shape: Callable[[dict[str, Any]], dict[str, Any]],
    published: dt.date | None = None,
) -> list[dict[str, Any]]:
    result = context.check(text, figures, fiscal_year=fiscal_year, published=published)
    return [shape(claim.to_dict()) for claim in result.claims]


class Checker:
    """Runs checks for one app: the figures, what the build published to read them with
    (`yearbook.claims.context`), the budget, the slots."""

    def __init__(
        self,
        figures: Figures,
        context: CheckContext,
        shape: Callable[[dict[str, Any]], dict[str, Any]],
        timeout: float = CHECK_TIMEOUT,
    ) -> None:
        self.figures = figures
        self.context = context
        self.shape = shape
        self.timeout = timeout
        self._slots = asyncio.Semaphore(MAX_CHECKS)

    async def check(
        self,
        text: str,
        fiscal_year: int | None,
        request: Request,
        published: dt.date | None = None,
    ) -> list[dict[str, Any]]:
        """The shaped verdicts of every claim; `ApiError` (503, 422) or `ClientGone` if not."""
        started = time.monotonic()
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout=self.timeout)
        except TimeoutError:
            raise ApiError(
                503, "busy", "every checker is busy", "try again in a few seconds"
            ) from None
        try:
            left = self.timeout - (time.monotonic() - started)
            return await self._run(text, fiscal_year, published, request, max(left, 0.001))
        except ApiError:
            raise
        except LimitError as err:
            raise ApiError(422, "input_limit", err.message, err.hint) from None
        except InternalError as err:
            hint = "try again; if it persists, report it"
            raise ApiError(503, "check_failed", str(err), hint) from None
        except UserError as err:
            raise ApiError(422, "invalid_request", err.message, err.hint) from None
        finally:
            self._slots.release()

    async def _run(
        self,
        text: str,
        fiscal_year: int | None,
        published: dt.date | None,
        request: Request,
        timeout: float,
    ) -> list[dict[str, Any]]:
        args = (text, self.figures, fiscal_year, self.context, self.shape, published)
        worker: Worker[list[dict[str, Any]]] = Worker(_verdicts, args, timeout=timeout)
        try:
            while not worker.ready():
                if worker.expired:
                    raise ApiError(
                        503,
                        "check_timeout",
                        f"the check took longer than its time limit of {self.timeout:g} s "
                        "and was stopped",
                        "send a shorter text",
                    )
                if await request.is_disconnected():
                    raise ClientGone("the client went away; its check was stopped")
                await asyncio.sleep(_POLL)
            return worker.result()
        finally:
            worker.stop()
