"""The public guidance finder: adults find guidance services without an account, and networks and organisations
show it on their own sites in a frame (the embed). Pages under ``/find/`` and ``/sitemap.xml``.

What is public is decided in the directory (``GuidanceService.objects.public()``,
``Organisation.objects.with_public_profile()``, ``PUBLIC_SERVICE_FIELDS``, ``PUBLIC_ORGANISATION_FIELDS``); the
finder shows nothing else. Its pages set no cookie: the language comes from the address (``?lang=sv``) or the
browser's Accept-Language, never from a session or a cookie (:mod:`networks.finder.http`).
"""
