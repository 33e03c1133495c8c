"""The local web app: server-rendered pages with a little JavaScript, and the REST API."""

from footcore.entrypoints.http.app import create_app
from footcore.entrypoints.http.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
