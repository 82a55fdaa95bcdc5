# The guide in a small container: gunicorn (gunicorn.conf.py) as an unprivileged user. Catalogs
# and asset bundles are built here, at build time, so the running container writes nothing and
# works with a read-only file system (README, "In a container").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GUIDE_BIND=0.0.0.0:8000

WORKDIR /app
# The packages first, from the lock file with hashes (requirements/app.txt, `make lock`): two
# builds of one commit get the same bytes, and this layer is kept while the lock is unchanged.
COPY requirements/app.txt requirements/app.txt
RUN pip install --require-hashes -r requirements/app.txt

COPY pyproject.toml setup.py README.md wsgi.py gunicorn.conf.py ./
COPY webapp webapp
COPY static static
COPY service_worker service_worker
COPY translations translations

# Editable: the app reads static/, translations/ and service_worker/ beside its package
# (webapp/settings.py), and writes its bundles to static/gen/, now. No dependency and no
# build tool is fetched here: the locked setuptools builds it.
# Starting the app once compiles nothing at run time: .mo catalogs, hashed bundles under
# static/gen/ and the webassets cache are all written now.
RUN pip install --no-deps --no-build-isolation -e . \
    && flask --app webapp translate compile \
    && GUIDE_BASE_URL=https://build.invalid python -c "import wsgi" \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin guide

USER 10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/en/', timeout=4).status != 200)"]

CMD ["gunicorn", "wsgi:app"]
