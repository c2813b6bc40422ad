"""WSGI entry point (gunicorn mhw.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mhw.settings")
application = get_wsgi_application()
