"""Production serving: `gunicorn wsgi:app` reads this file from the working directory.

Threads let a small server hold many slow 2G connections; pages are rendered once and served
from memory, so the work per request is small. Change `bind` (or set GUNICORN_CMD_ARGS) for
your host, and keep the server behind a reverse proxy that terminates TLS.
"""

import multiprocessing
import os

bind = os.environ.get("GUIDE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUIDE_WORKERS", multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("GUIDE_THREADS", 16))
backlog = 2048
timeout = 30
keepalive = 5
preload_app = True            # render and hash every page once, before forking

# Request limits: hostile input gets a 4xx from gunicorn before it reaches the app.
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190

# Privacy: every log line is rebuilt by webapp.privacy_log.GunicornLogger: no client address,
# no query string, no words of a request line (a path is shown only when the guide answered it
# below 400, so it is one of the guide's own addresses); invalid requests are logged by kind
# only. access_log_format is not used. To log more, change that class, knowing what it reveals.
logger_class = "webapp.privacy_log.GunicornLogger"
accesslog = "-"
errorlog = "-"
loglevel = "info"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# gunicorn 25.1+ opens a control socket for `gunicornc` under $XDG_RUNTIME_DIR or the user's
# home (~/.gunicorn/gunicorn.ctl) by default: a writable home the container does not have, and
# a way to change the running server that nothing here needs. (Older gunicorns ignore this.)
control_socket_disable = True
