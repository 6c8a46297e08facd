"""The embed: the finder in a frame on a network's or an organisation's own site.

Only the sites they list (``embed_origins``: normalised https origins) may frame it:
``Content-Security-Policy: frame-ancestors <origins>``, or ``'none'`` when none is listed; these responses alone
leave out ``X-Frame-Options: DENY`` (which would forbid every frame; browsers that know CSP follow it instead).
Every other page of the portal keeps the site's policy, ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``.
"""

from django.conf import settings
from django.utils.csp import CSP


def allow_framing(response, origins: list[str]):
    """Let ``origins`` (and only them) show ``response`` in a frame."""
    response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": list(origins) or [CSP.NONE]}
    response.xframe_options_exempt = True
    return response
