import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "townhall.settings")
application = get_wsgi_application()

# Short links (/l/<code>) skip the middleware stack on their hot path (townhall/links/wsgi.py).
from townhall.links.wsgi import ShortLinkFastPath  # noqa: E402

application = ShortLinkFastPath(application)
