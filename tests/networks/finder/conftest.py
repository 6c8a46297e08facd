import pytest

from tests import factories


@pytest.fixture
def public_service(organisation):
    """A public service of the cast's organisation (a member of the cast's network)."""
    return factories.GuidanceServiceFactory(
        organisation=organisation,
        is_public=True,
        name_fi="Kirjaston digineuvonta",
        name_sv="Bibliotekets digitala rådgivning",
        description_fi="Neuvontaa aikuisille tietokoneen käytössä kaupungin kirjastossa.",
        opening_hours_fi="Ma–to 10–16",
        accessibility_fi="Portaaton sisäänkäynti",
        topics=["education"],
        channels=["face_to_face", "walk_in"],
        languages=["fi", "sv"],
        target_groups=["seniors"],
        regions=["keski-suomi"],
        municipalities=["179"],
        level="advice",
        contact_phone="040 123 4567",
    )
