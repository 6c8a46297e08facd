"""Demo data of a network's news: a few announcements of the main network over the last two months, some in
Swedish and English too, one pinned, linked to the network's goals, meetings, agreements and activities where
there are any, with a few comments from its people.

Written straight to the tables (nobody is e-mailed while seeding); the dates are relative to the day of seeding.
"""

import datetime

from django.utils import timezone

from networks.news.models import NewsComment, NewsItem
from portal.demo_data.people import COORDINATOR_EMAIL, COUNSELLOR_EMAIL

# (days ago, pinned, link, {language: (headline, text)})
ITEMS = [
    (
        50,
        False,
        "goal",
        {
            "fi": (
                "Yhteiset tavoitteet vuodelle hyväksytty",
                "Verkoston jäsenorganisaatiot ovat hyväksyneet yhteiset tavoitteet. Seuraamme niiden edistymistä "
                "mittareilla neljännesvuosittain, ja jokainen organisaatio kirjaa omat lukunsa portaaliin.",
            ),
            "sv": (
                "Gemensamma mål för året godkända",
                "Nätverkets medlemsorganisationer har godkänt de gemensamma målen. Vi följer upp dem kvartalsvis.",
            ),
        },
    ),
    (
        35,
        False,
        "activity",
        {
            "fi": (
                "Työn varjostus jatkuu keväällä",
                "Työn varjostuksesta saatiin hyvää palautetta. Ilmoittakaa koordinaattorille, jos organisaationne "
                "voi ottaa vastaan vierailevan ohjaajan keväällä.",
            )
        },
    ),
    (
        20,
        False,
        "agreement",
        {
            "fi": (
                "Yhteisen ohjauspisteen sopimus allekirjoitettavana",
                "Kumppanuussopimus yhteisestä ohjauspisteestä on valmis. Organisaatioiden edustajat voivat "
                "allekirjoittaa sen portaalissa.",
            ),
            "en": (
                "The agreement on the joint guidance point is ready for signing",
                "The partner agreement on the joint guidance point is ready. The organisations' representatives "
                "can sign it in the portal.",
            ),
        },
    ),
    (
        7,
        True,
        "meeting",
        {
            "fi": (
                "Verkostotapaamisen esityslista on julkaistu",
                "Seuraavan verkostotapaamisen esityslista on luettavissa kokouksen sivulla. Ehdota omia "
                "asioitasi esityslistalle viikkoa ennen kokousta.",
            ),
            "sv": (
                "Föredragningslistan för nätverksmötet är publicerad",
                "Föredragningslistan för nästa nätverksmöte finns på mötets sida.",
            ),
        },
    ),
    (
        2,
        False,
        None,
        {
            "fi": (
                "Uusi opas maahanmuuttajien ohjaukseen",
                "Ohjaamo on koonnut oppaan maahanmuuttajataustaisten aikuisten ohjaukseen. Opas löytyy verkoston "
                "aineistopankista.",
            )
        },
    ),
]
COMMENTS = [
    "Kiitos tiedosta!",
    "Hyvä uutinen, tämä auttaa meidän ohjaajiamme paljon.",
    "Voimmeko käsitellä tämän myös seuraavassa tapaamisessa?",
]


def _links(network) -> dict:
    today = timezone.localdate()
    return {
        "goal": network.goals.order_by("pk").first(),
        "meeting": network.meetings.filter(starts_at__gte=timezone.now()).order_by("starts_at").first()
        or network.meetings.order_by("-starts_at").first(),
        "agreement": network.agreements.order_by("pk").first(),
        "activity": network.activities.filter(starts_on__lte=today).order_by("-starts_on").first(),
    }


def seed_news(network, *, people=None, **_ignored) -> list[NewsItem]:
    """A few items of ``network``'s news, the coordinator's, with comments from the network's people."""
    people = people or {}
    author = people.get(COORDINATOR_EMAIL)
    commenters = [person for email, person in people.items() if email != COORDINATOR_EMAIL][:6]
    if COUNSELLOR_EMAIL in people:
        commenters.insert(0, people[COUNSELLOR_EMAIL])
    links = _links(network)
    now = timezone.now()
    made = []
    for number, (days_ago, pinned, link, texts) in enumerate(ITEMS):
        fields = {}
        for code, (title, body) in texts.items():
            fields[f"title_{code}"], fields[f"body_{code}"] = title, body
        item = NewsItem.objects.create(
            network=network, author=author, pinned=pinned, **({link: links[link]} if link else {}), **fields
        )
        posted = now - datetime.timedelta(days=days_ago, hours=number)
        NewsItem.objects.filter(pk=item.pk).update(created_at=posted, updated_at=posted)
        for index, commenter in enumerate(commenters[number % 3 : number % 3 + 2]):
            comment = NewsComment.objects.create(item=item, author=commenter, text=COMMENTS[(number + index) % 3])
            NewsComment.objects.filter(pk=comment.pk).update(created_at=posted + datetime.timedelta(hours=index + 1))
        made.append(item)
    return made
