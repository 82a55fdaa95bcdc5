"""What gunicorn (or any WSGI server, and `make run`) runs: `gunicorn wsgi:app`."""

from webapp import create_app
from webapp.offline import precache

app = create_app()
# Render and hash every page before the first reader arrives: a page that cannot render stops
# start-up here, and the first /sw.js costs no more than any other.
precache.init_app(app)
