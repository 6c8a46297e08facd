"""Demo data of guidance services: what each demo organisation offers adults, and bulk services for benchmarks.

The kinds of service are those real Finnish actors give (Ohjaamo's low-threshold advice, employment
services' guidance for jobseekers, libraries' digital help, ...); the contact addresses are under
the organisation's ``example.fi`` domain and no phone numbers are invented.
"""

from urllib.parse import urlsplit

from partners.directory.models import GuidanceService, Organisation, ServiceChannel, ServiceLevel, TargetGroup
from portal.lib.choices import Language, Region

BATCH_SIZE = 2000

_I, _A, _G = ServiceLevel.INFORMATION, ServiceLevel.ADVICE, ServiceLevel.GUIDANCE
_F2F, _PHONE, _ONLINE, _CHAT, _GROUP = (
    ServiceChannel.FACE_TO_FACE,
    ServiceChannel.PHONE,
    ServiceChannel.ONLINE,
    ServiceChannel.CHAT,
    ServiceChannel.GROUP,
)
_T = TargetGroup
_KS = ["keski-suomi"]
_ALL_REGIONS = list(Region.values)

# organisation slug → services: (name, level, channels, target groups, languages, regions, description,
# local part of the contact address)
SERVICES = {
    "gradia": [
        (
            "Hakeutumisvaiheen ohjaus aikuisille",
            _G,
            [_F2F, _PHONE, _ONLINE],
            [_T.CAREER_CHANGERS, _T.UNEMPLOYED, _T.IMMIGRANTS],
            ["fi", "en"],
            _KS,
            "Ohjausta ammatillisen koulutuksen valintaan ja hakemiseen: osaamisen kartoitus, "
            "koulutusvaihtoehdot ja henkilökohtaisen osaamisen kehittämissuunnitelman aloitus.",
            "hakeutuminen",
        ),
        (
            "Osaamisen tunnistaminen ja tunnustaminen",
            _A,
            [_F2F, _ONLINE],
            [_T.CAREER_CHANGERS, _T.IMMIGRANTS],
            ["fi", "en"],
            _KS,
            "Selvitämme, mitä osaat jo työn, harrastusten tai ulkomailla suoritettujen opintojen kautta "
            "ja miten se lyhentää opintojasi.",
            "osaaminen",
        ),
        (
            "Opintoneuvonta chatissa",
            _I,
            [_CHAT],
            [_T.EVERYONE],
            ["fi"],
            _KS,
            "Nopeat vastaukset koulutustarjonnasta, hakuajoista ja opiskelun käytännöistä arkisin klo 9–15.",
            "chat",
        ),
    ],
    "jamk": [
        (
            "Avoimen AMK:n opintoneuvonta",
            _I,
            [_ONLINE, _CHAT, _PHONE],
            [_T.EVERYONE, _T.CAREER_CHANGERS],
            ["fi", "en"],
            _ALL_REGIONS,
            "Neuvontaa avoimen ammattikorkeakoulun verkko-opintoihin, polkuopintoihin ja täydennyskoulutukseen.",
            "avoinamk",
        ),
        (
            "Jatkuvan oppimisen uraohjaus",
            _G,
            [_ONLINE, _F2F],
            [_T.CAREER_CHANGERS, _T.ENTREPRENEURS],
            ["fi", "en"],
            _KS,
            "Henkilökohtaista uraohjausta työelämässä oleville, jotka suunnittelevat alanvaihtoa tai "
            "osaamisen päivittämistä.",
            "uraohjaus",
        ),
    ],
    "jyu": [
        (
            "Avoimen yliopiston opintoneuvonta",
            _I,
            [_PHONE, _ONLINE, _CHAT],
            [_T.EVERYONE],
            ["fi", "sv", "en"],
            _ALL_REGIONS,
            "Tietoa avoimen yliopiston opinnoista, väyläopinnoista ja opintojen rahoituksesta.",
            "avoin",
        ),
        (
            "Urapalvelut aikuisopiskelijoille",
            _G,
            [_ONLINE, _GROUP],
            [_T.CAREER_CHANGERS],
            ["fi", "en"],
            _KS,
            "Uraryhmät ja henkilökohtaiset uraohjauskeskustelut aikuisopiskelijoille ja alumneille.",
            "urapalvelut",
        ),
    ],
    "keski-suomen-opisto": [
        (
            "Henkilökohtainen opinto-ohjaus",
            _G,
            [_F2F],
            [_T.YOUNG_ADULTS, _T.LOW_BASIC_SKILLS, _T.DISABILITIES],
            ["fi"],
            _KS,
            "Opinto-ohjaaja tekee kanssasi opintosuunnitelman ja tukee opintojen edetessä, myös "
            "oppimisen vaikeuksissa.",
            "opinto-ohjaus",
        ),
        (
            "Kotoutumiskoulutuksen ohjaus",
            _G,
            [_F2F, _GROUP],
            [_T.IMMIGRANTS],
            ["fi", "en", "ar"],
            _KS,
            "Ohjausta kotoutumiskoulutukseen hakeutuville ja opiskelijoille: suomen kieli, jatko-opinnot ja työ.",
            "kotoutuminen",
        ),
    ],
    "kansalaisopisto": [
        (
            "Kurssineuvonta",
            _I,
            [_PHONE, _F2F, _ONLINE],
            [_T.EVERYONE, _T.SENIORS],
            ["fi"],
            _KS,
            "Apua kurssin valintaan ja ilmoittautumiseen sekä tietoa maksuista ja alennuksista.",
            "kurssit",
        ),
        (
            "Senioreiden digiopastus",
            _A,
            [_GROUP, _F2F],
            [_T.SENIORS],
            ["fi"],
            _KS,
            "Pienryhmissä harjoitellaan älypuhelimen, pankkitunnusten ja verkkoasioinnin käyttöä.",
            "digiopastus",
        ),
    ],
    "kesayliopisto": [
        (
            "Avoimen yliopiston opintojen neuvonta",
            _I,
            [_PHONE, _ONLINE],
            [_T.EVERYONE],
            ["fi"],
            _KS,
            "Tietoa kesäyliopiston avoimen yliopiston opinnoista Keski-Suomessa ja verkossa.",
            "neuvonta",
        ),
    ],
    "tyollisyyspalvelut": [
        (
            "Työnhakijan ohjaus",
            _G,
            [_F2F, _PHONE, _ONLINE],
            [_T.UNEMPLOYED],
            ["fi", "sv", "en"],
            _KS,
            "Oma asiantuntija tekee kanssasi työllistymissuunnitelman ja etsii sopivat palvelut, "
            "koulutukset ja työpaikat.",
            "tyonhaku",
        ),
        (
            "Maahanmuuttajien työllistymisen palveluohjaus",
            _G,
            [_F2F, _PHONE],
            [_T.IMMIGRANTS, _T.UNEMPLOYED],
            ["fi", "en", "ar", "so", "ru", "uk"],
            _KS,
            "Kotoutumissuunnitelma, kielikoulutukseen ohjaus ja työllistymisen polku tulkin kanssa tarvittaessa.",
            "kotoutuminen",
        ),
        (
            "Yrittäjyysneuvonta starttirahaa harkitseville",
            _A,
            [_F2F, _ONLINE],
            [_T.ENTREPRENEURS, _T.UNEMPLOYED],
            ["fi", "en"],
            _KS,
            "Neuvontaa liiketoimintasuunnitelmaan ja starttirahan hakemiseen yhdessä uusyrityskeskuksen kanssa.",
            "yrittajyys",
        ),
        (
            "Työnhaun ryhmävalmennus",
            _A,
            [_GROUP, _ONLINE],
            [_T.UNEMPLOYED, _T.CAREER_CHANGERS],
            ["fi"],
            _KS,
            "Neljän viikon valmennus: osaamisen sanoittaminen, CV, työhakemus ja haastatteluharjoitukset.",
            "valmennus",
        ),
    ],
    "ohjaamo-jyvaskyla": [
        (
            "Ohjaamon matalan kynnyksen neuvonta",
            _I,
            [_F2F, _CHAT, _PHONE],
            [_T.YOUNG_ADULTS],
            ["fi", "en"],
            _KS,
            "Alle 30-vuotiaille ilman ajanvarausta: apua opiskeluun, työhön, asumiseen ja arjen asioihin "
            "yhdestä paikasta.",
            "ohjaamo",
        ),
        (
            "Nuorten aikuisten henkilökohtainen ohjaus",
            _G,
            [_F2F, _ONLINE],
            [_T.YOUNG_ADULTS, _T.IMMIGRANTS],
            ["fi", "en"],
            _KS,
            "Pidempikestoista ohjausta omaan suunnitelmaan: koulutus, työ, talous ja hyvinvointi.",
            "ohjaus",
        ),
        (
            "Ohjaamo-chat",
            _I,
            [_CHAT],
            [_T.YOUNG_ADULTS],
            ["fi"],
            _KS,
            "Kysy nimettömästi chatissa arkisin klo 12–16.",
            "chat",
        ),
    ],
    "laukaa": [
        (
            "Työllisyyspalveluiden palveluneuvonta",
            _I,
            [_F2F, _PHONE],
            [_T.UNEMPLOYED, _T.EVERYONE],
            ["fi"],
            _KS,
            "Neuvontaa kunnan työllisyyspalveluista, palkkatuesta ja kuntouttavasta työtoiminnasta.",
            "tyollisyys",
        ),
        (
            "Etsivä nuorisotyö",
            _G,
            [_F2F, _PHONE, _CHAT],
            [_T.YOUNG_ADULTS],
            ["fi"],
            _KS,
            "Tukea alle 29-vuotiaille, jotka ovat koulutuksen tai työn ulkopuolella.",
            "etsiva",
        ),
    ],
    "hyvinvointialue": [
        (
            "Työkyvyn tuen palveluohjaus",
            _G,
            [_F2F, _PHONE],
            [_T.DISABILITIES, _T.UNEMPLOYED],
            ["fi", "sv", "en"],
            _KS,
            "Työkykykoordinaattori selvittää kanssasi työ- ja toimintakyvyn tuen sekä kuntoutuksen mahdollisuudet.",
            "tyokyky",
        ),
        (
            "Aikuissosiaalityön palveluohjaus",
            _G,
            [_F2F, _PHONE],
            [_T.EVERYONE],
            ["fi"],
            _KS,
            "Ohjausta elämäntilanteen muutoksissa: toimeentulo, asuminen ja arjen hallinta.",
            "sosiaaliohjaus",
        ),
    ],
    "keski-kirjastot": [
        (
            "Kirjaston digineuvonta",
            _A,
            [_F2F, _GROUP],
            [_T.SENIORS, _T.IMMIGRANTS, _T.LOW_BASIC_SKILLS],
            ["fi", "en"],
            _KS,
            "Apua laitteiden, sähköisen asioinnin ja verkkopalveluiden käyttöön kirjastoissa eri puolilla maakuntaa.",
            "digineuvonta",
        ),
        (
            "Tietopalvelu opiskelusta ja työstä",
            _I,
            [_F2F, _ONLINE, _CHAT],
            [_T.EVERYONE],
            ["fi", "sv", "en"],
            _KS,
            "Kirjastonhoitajat auttavat löytämään tietoa koulutuksista, ammateista ja työnhausta.",
            "tietopalvelu",
        ),
        (
            "Monikielinen asiointiapu",
            _A,
            [_F2F],
            [_T.IMMIGRANTS],
            ["fi", "en", "ar", "ru", "uk", "fa", "so"],
            _KS,
            "Vapaaehtoiset ja kirjaston työntekijät auttavat lomakkeiden ja viranomaisasioinnin kanssa.",
            "asiointiapu",
        ),
    ],
    "monikulttuuriyhdistys": [
        (
            "Maahanmuuttajien neuvontapiste",
            _A,
            [_F2F, _PHONE, _CHAT],
            [_T.IMMIGRANTS],
            ["fi", "en", "ar", "so", "fa", "ru", "uk"],
            _KS,
            "Neuvontaa omalla kielellä: oleskelulupa-asiat, koulutus, työnhaku ja arjen palvelut.",
            "neuvonta",
        ),
        (
            "Vertaisryhmä työtä etsiville maahanmuuttajanaisille",
            _G,
            [_GROUP],
            [_T.IMMIGRANTS, _T.UNEMPLOYED],
            ["fi", "ar", "so"],
            _KS,
            "Viikoittainen ryhmä, jossa tutustutaan työelämään, koulutuksiin ja toisiin työnhakijoihin.",
            "ryhmat",
        ),
    ],
    "aanekosken-konepaja": [
        (
            "Työpaikkaohjaus oppisopimusopiskelijoille",
            _G,
            [_F2F],
            [_T.CAREER_CHANGERS, _T.YOUNG_ADULTS],
            ["fi"],
            _KS,
            "Koulutettu työpaikkaohjaaja perehdyttää ja ohjaa oppisopimuksella hitsaajaksi tai koneistajaksi "
            "opiskelevia.",
            "rekry",
        ),
    ],
    # Invited to the main network by the membership demo data (portal.demo_data.memberships).
    "keski-suomen-yrittajat": [
        (
            "Yrittäjien neuvontapalvelu",
            _A,
            [_PHONE, _ONLINE],
            [_T.ENTREPRENEURS],
            ["fi"],
            _KS,
            "Jäsenyrityksille neuvontaa työnantajana toimimiseen, oppisopimuksiin ja henkilöstön "
            "osaamisen kehittämiseen.",
            "neuvonta",
        ),
    ],
    "ohjaamo-jamsa": [
        (
            "Ohjaamon matalan kynnyksen neuvonta",
            _I,
            [_F2F, _PHONE, _CHAT],
            [_T.YOUNG_ADULTS],
            ["fi"],
            ["keski-suomi", "pirkanmaa"],
            "Jämsän seudun alle 30-vuotiaille ilman ajanvarausta, myös Kuhmoisten ja Oriveden suunnalta tuleville.",
            "ohjaamo",
        ),
        (
            "Henkilökohtainen opinto-ohjaus",
            _G,
            [_F2F, _ONLINE],
            [_T.YOUNG_ADULTS, _T.LOW_BASIC_SKILLS],
            ["fi"],
            _KS,
            "Ohjausta peruskoulun jälkeisiin opintoihin ja keskeytyneiden opintojen jatkamiseen.",
            "opinto-ohjaus",
        ),
    ],
}


def _host(website: str) -> str:
    """``gradia.example.fi`` from ``https://www.gradia.example.fi/``."""
    return (urlsplit(website).hostname or "example.fi").removeprefix("www.")


def seed_services(*, networks, organisations, people, areas) -> None:
    """Give each demo organisation its guidance services (a DEMO_EXTENSIONS hook)."""
    # Organisations other demo data adds (e.g. an invited one) are not in ``organisations``.
    found = {**Organisation.objects.in_bulk(set(SERVICES) - set(organisations), field_name="slug"), **organisations}
    services = []
    for slug, rows in SERVICES.items():
        organisation = found.get(slug)
        if organisation is None:
            continue
        host = _host(organisation.website) if organisation.website else "example.fi"
        for name, level, channels, target_groups, languages, regions, description, local in rows:
            service = GuidanceService(
                organisation=organisation,
                name=name,
                level=level,
                channels=list(channels),
                target_groups=list(target_groups),
                languages=list(languages),
                regions=list(regions),
                description=description,
                contact_email=f"{local}@{host}",
                contact_url=f"https://www.{host}/palvelut/{local}/",
            )
            service.full_clean()
            services.append(service)
    GuidanceService.objects.bulk_create(services)


# Names for bulk benchmark services.
SCALE_SERVICE_NAMES = [
    "Henkilökohtainen opinto-ohjaus",
    "Työnhakijan ohjaus",
    "Matalan kynnyksen neuvonta",
    "Kirjaston digineuvonta",
    "Uraohjaus",
    "Osaamisen tunnistaminen",
    "Kurssineuvonta",
    "Maahanmuuttajien neuvonta",
    "Yrittäjyysneuvonta",
    "Työkyvyn tuen palveluohjaus",
    "Hakeutumisvaiheen ohjaus",
    "Opintoneuvonta chatissa",
]


def seed_scale_services(organisations, rng) -> list[GuidanceService]:
    """One to three guidance services for each of ``organisations`` (already saved), with bulk inserts.

    Mostly in Central Finland, each also in one other region, so every region has services to count.
    """
    channels, groups = ServiceChannel.values, TargetGroup.values
    other_languages = [code for code in Language.values if code != "fi"]
    services = []
    for organisation in organisations:
        for _ in range(rng.randint(1, 3)):
            languages = ["fi", *rng.sample(other_languages, rng.randint(0, 2))]
            regions = {"keski-suomi", rng.choice(_ALL_REGIONS)}
            services.append(
                GuidanceService(
                    organisation=organisation,
                    name=rng.choice(SCALE_SERVICE_NAMES),
                    level=rng.choice(ServiceLevel.values),
                    channels=sorted(rng.sample(channels, rng.randint(1, 3)), key=channels.index),
                    target_groups=sorted(rng.sample(groups, rng.randint(1, 2)), key=groups.index),
                    languages=sorted(languages, key=Language.values.index),
                    regions=sorted(regions, key=_ALL_REGIONS.index),
                    description="Palvelun kuvaus: kenelle palvelu on tarkoitettu ja miten siihen pääsee.",
                )
            )
    return GuidanceService.objects.bulk_create(services, batch_size=BATCH_SIZE)
