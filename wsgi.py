"""What gunicorn (or any WSGI server) runs: `gunicorn wsgi:app`."""

from webapp import create_app

app = create_app()
