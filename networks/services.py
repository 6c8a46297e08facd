"""Writes of the networks app."""

from django.db import transaction

from networks.models import Network


def network_update(*, network: Network, name: str, description: str) -> Network:
    """Save a network's name and description (what its coordinators may change)."""
    with transaction.atomic():
        network.name = name
        network.description = description
        network.save(update_fields=["name", "description"])
    return network
