"""WSGI entry point: run behind a TLS proxy with a WSGI server (see README)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inbeeld.web.settings")
application = get_wsgi_application()
