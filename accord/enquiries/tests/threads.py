"""Run the same call from several threads released together: the race tests' harness (PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connection

from accord.core.errors import AccordError

DONE = "done"


def at_once(calls: list[Callable[[], object]]) -> list[str]:
    """Each call in its own thread and database connection, all released by one barrier.

    Returns one outcome per call, in the order they finished: `DONE`, or the `AccordError` message it raised.
    Any other exception is raised again once every thread has finished.
    """
    barrier = threading.Barrier(len(calls))
    results: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def run(call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            call()
            outcome = DONE
        except AccordError as error:
            outcome = error.message
        except BaseException as error:  # reported below, with the thread's own traceback
            with lock:
                failures.append(error)
            return
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return results
