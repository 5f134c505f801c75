"""gunicorn's settings for `accord serve` (the command line gives bind, workers and timeouts)."""

from __future__ import annotations

from gunicorn.workers import gthread

# A browser opens spare connections that it may never use. gunicorn's threaded worker holds a thread on
# each new connection for up to five seconds waiting for a request, and a stopping server waits for those
# threads: Ctrl+C took that long. A second is ample for a request to begin; a slower one is not dropped,
# only handed back to gunicorn's poller.
gthread.DEFAULT_WORKER_DATA_TIMEOUT = 1.0
