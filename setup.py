"""What pyproject.toml cannot say: the wheel carries the top-level data folders inside the
package. `static/`, `translations/` and `service_worker/` stay at the top of the repository;
`package_dir` maps each to a data-only package (`webapp.static`, …), so a wheel installs them
as `webapp/static/`, … where webapp/settings.py looks for them. pyproject.toml's package-data
says which of their files go in."""

from setuptools import find_namespace_packages, setup

DATA_FOLDERS = ("static", "translations", "service_worker")   # = webapp.settings.DATA_FOLDERS


# Folders of data (templates, icons, catalogs) are listed as packages too: setuptools warns
# about (and means to drop) files in folders that look like packages but are not listed.
def data_packages(folder: str) -> list[str]:
    # static/gen/ is written at run time, never shipped.
    inner = find_namespace_packages(where=folder, exclude=["gen", "gen.*"])
    return [f"webapp.{folder}", *(f"webapp.{folder}.{name}" for name in inner)]


setup(
    packages=[*find_namespace_packages(include=["webapp", "webapp.*"], exclude=["*.__pycache__"]),
              *(name for folder in DATA_FOLDERS for name in data_packages(folder))],
    package_dir={f"webapp.{folder}": folder for folder in DATA_FOLDERS},
)
