"""The API's OpenAPI document: version 3.1, valid, every route of the API in it, the licence and a contact;
and its docs page: served from our own static files, under the site's CSP, with no inline script."""

import re

from django.test import Client
from django.urls import reverse
from openapi_spec_validator import validate

from portal.api.main import api
from tests.access_matrix.test_matrix import all_patterns


def _document(client):
    response = client.get(reverse("api:openapi-json"))
    assert response.status_code == 200
    return response.json()


def test_the_document_is_valid_openapi_3_1(client):
    document = _document(client)
    assert document["openapi"].startswith("3.1")
    validate(document)
    assert document["info"]["license"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert document["info"]["contact"]["email"]
    assert document["info"]["version"] == "1.0.0"


def test_every_route_of_the_api_is_in_the_document(client):
    document = _document(client)
    paths = {re.sub(r"\{(?:int:)?(\w+)\}", r"{\1}", path) for path in document["paths"]}
    routes = [route for route, name in all_patterns() if name.startswith("api:")]
    documented = {f"/{route}".replace("<int:id>", "{id}").replace("<slug>", "{slug}") for route in routes}
    undocumented = {"/api/v1/", "/api/v1/openapi.json", "/api/v1/docs"}
    assert documented - undocumented == paths
    operations = [op for path in document["paths"].values() for op in path.values()]
    assert len(operations) == len(paths) == 16
    assert all(set(path) == {"get"} for path in document["paths"].values())  # the API only reads
    for path, item in document["paths"].items():
        signed_in = not path.startswith("/api/v1/public/")
        assert ("security" in item["get"]) is signed_in, path
    assert api.get_openapi_schema()["paths"].keys() == document["paths"].keys()


def test_the_docs_page_works_under_the_csp(client):
    response = Client().get(reverse("api:openapi-view"))
    assert response.status_code == 200
    html = response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.DOTALL)
    for attributes, body in scripts:
        assert 'type="application/json"' in attributes or ("src=" in attributes and not body.strip()), attributes
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/static/") for source in sources), sources
