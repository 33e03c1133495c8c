"""The local web app: server-rendered pages with a little JavaScript, and the REST API."""

from footcore.entrypoints.web.app import create_app
from footcore.entrypoints.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
