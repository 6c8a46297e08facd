"""Start the tests' OpenID Connect provider: ``python -m tests.oidc_provider.serve`` with ``PROVIDER_DATA`` (a
directory), ``PROVIDER_PORT``, ``PROVIDER_CLIENT_ID``, ``PROVIDER_CLIENT_SECRET`` and
``PROVIDER_REDIRECT_URIS`` in the environment. Makes an RS256 key (jwcrypto), the database, the one
confidential client (consent skipped), then serves on 127.0.0.1 until it is stopped."""

import os
import sys
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def main() -> None:
    data = Path(os.environ["PROVIDER_DATA"])
    key = data / "key.pem"
    if not key.exists():
        from jwcrypto import jwk

        key.write_bytes(jwk.JWK.generate(kty="RSA", size=2048).export_to_pem(private_key=True, password=None))
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    Application.objects.update_or_create(
        client_id=os.environ["PROVIDER_CLIENT_ID"],
        defaults={
            "name": "Verkosto (tests)",
            "client_type": Application.CLIENT_CONFIDENTIAL,
            "authorization_grant_type": Application.GRANT_AUTHORIZATION_CODE,
            "client_secret": os.environ["PROVIDER_CLIENT_SECRET"],
            "redirect_uris": os.environ["PROVIDER_REDIRECT_URIS"],
            "skip_authorization": True,
            "algorithm": Application.RS256_ALGORITHM,
        },
    )
    server = make_server(
        "127.0.0.1",
        int(os.environ["PROVIDER_PORT"]),
        get_wsgi_application(),
        server_class=ThreadingServer,
        handler_class=QuietHandler,
    )
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
