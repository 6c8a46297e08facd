"""Finland's municipalities: their codes (Statistics Finland's three digits), names and regions.

Static data typed in by hand, as the municipalities were after the 2021 changes of region (Heinävesi to North
Karelia, Joroinen to North Savo, Iitti to Päijät-Häme, Kuhmoinen to Pirkanmaa). A municipality's Swedish name is
given where it has one of its own; elsewhere the Finnish name serves every language. On Åland the names are
Swedish (Mariehamn also has the Finnish name Maarianhamina).

A service that serves a whole region serves each of its municipalities: :func:`region_of` is the mapping the
finder's filter uses (a municipality finds the services that list it or its region).
"""

from dataclasses import dataclass
from functools import lru_cache

from portal.lib.choices import Region


@dataclass(frozen=True)
class Municipality:
    code: str
    finnish: str
    swedish: str
    region: str

    def name(self, language: str | None = None) -> str:
        """The name in ``language`` ("sv": the Swedish name where there is one; else the Finnish)."""
        return self.swedish if (language or "").startswith("sv") and self.swedish else self.finnish

    def names(self) -> str:
        """Both names, for a search: "Vaasa Vasa"."""
        return " ".join(dict.fromkeys(filter(None, (self.finnish, self.swedish))))


# One line per municipality: code, Finnish name, and "/Swedish name" where it has one of its own.
_TABLE = {
    Region.UUSIMAA: """
        018 Askola; 049 Espoo/Esbo; 078 Hanko/Hangö; 091 Helsinki/Helsingfors; 092 Vantaa/Vanda;
        106 Hyvinkää/Hyvinge; 149 Inkoo/Ingå; 186 Järvenpää/Träskända; 224 Karkkila/Högfors;
        235 Kauniainen/Grankulla; 245 Kerava/Kervo; 257 Kirkkonummi/Kyrkslätt; 407 Lapinjärvi/Lappträsk;
        434 Loviisa/Lovisa; 444 Lohja/Lojo; 504 Myrskylä/Mörskom; 505 Mäntsälä; 543 Nurmijärvi;
        611 Pornainen/Borgnäs; 616 Pukkila; 638 Porvoo/Borgå; 710 Raasepori/Raseborg; 753 Sipoo/Sibbo;
        755 Siuntio/Sjundeå; 858 Tuusula/Tusby; 927 Vihti/Vichtis
    """,
    Region.SOUTHWEST_FINLAND: """
        019 Aura; 202 Kaarina/S:t Karins; 284 Koski Tl/Koskis; 304 Kustavi/Gustavs; 322 Kemiönsaari/Kimitoön;
        400 Laitila/Letala; 423 Lieto/Lundo; 430 Loimaa; 445 Parainen/Pargas; 480 Marttila/S:t Mårtens;
        481 Masku; 503 Mynämäki/Virmo; 529 Naantali/Nådendal; 538 Nousiainen/Nousis; 561 Oripää;
        577 Paimio/Pemar; 631 Pyhäranta; 636 Pöytyä; 680 Raisio/Reso; 704 Rusko; 734 Salo; 738 Sauvo/Sagu;
        761 Somero; 833 Taivassalo/Tövsala; 853 Turku/Åbo; 895 Uusikaupunki/Nystad; 918 Vehmaa/Vemo
    """,
    Region.SATAKUNTA: """
        050 Eura; 051 Eurajoki/Euraåminne; 079 Harjavalta; 102 Huittinen/Vittis; 181 Jämijärvi;
        214 Kankaanpää; 230 Karvia; 271 Kokemäki/Kumo; 484 Merikarvia/Sastmola; 531 Nakkila;
        608 Pomarkku/Påmark; 609 Pori/Björneborg; 684 Rauma/Raumo; 747 Siikainen; 783 Säkylä; 886 Ulvila/Ulvsby
    """,
    Region.KANTA_HAME: """
        061 Forssa; 082 Hattula; 086 Hausjärvi; 103 Humppila; 109 Hämeenlinna/Tavastehus; 165 Janakkala;
        169 Jokioinen/Jockis; 433 Loppi; 694 Riihimäki; 834 Tammela; 981 Ypäjä
    """,
    Region.PIRKANMAA: """
        020 Akaa; 108 Hämeenkyrö/Tavastkyro; 143 Ikaalinen/Ikalis; 177 Juupajoki; 211 Kangasala; 250 Kihniö;
        291 Kuhmoinen; 418 Lempäälä; 508 Mänttä-Vilppula; 536 Nokia; 562 Orivesi; 581 Parkano; 604 Pirkkala/Birkala;
        619 Punkalaidun; 635 Pälkäne; 702 Ruovesi; 790 Sastamala; 837 Tampere/Tammerfors; 887 Urjala;
        908 Valkeakoski; 922 Vesilahti; 936 Virrat/Virdois; 980 Ylöjärvi
    """,
    Region.PAIJAT_HAME: """
        016 Asikkala; 081 Hartola/Gustav Adolfs; 098 Hollola; 111 Heinola; 142 Iitti; 316 Kärkölä;
        398 Lahti/Lahtis; 560 Orimattila; 576 Padasjoki; 781 Sysmä
    """,
    Region.KYMENLAAKSO: """
        075 Hamina/Fredrikshamn; 285 Kotka; 286 Kouvola; 489 Miehikkälä; 624 Pyhtää/Pyttis; 935 Virolahti/Vederlax
    """,
    Region.SOUTH_KARELIA: """
        153 Imatra; 405 Lappeenranta/Villmanstrand; 416 Lemi; 441 Luumäki; 580 Parikkala; 689 Rautjärvi;
        700 Ruokolahti; 739 Savitaipale; 831 Taipalsaari
    """,
    Region.SOUTH_SAVO: """
        046 Enonkoski; 097 Hirvensalmi; 178 Juva; 213 Kangasniemi; 491 Mikkeli/S:t Michel; 507 Mäntyharju;
        588 Pertunmaa; 593 Pieksämäki; 623 Puumala; 681 Rantasalmi; 740 Savonlinna/Nyslott; 768 Sulkava
    """,
    Region.NORTH_SAVO: """
        140 Iisalmi/Idensalmi; 171 Joroinen/Jorois; 204 Kaavi; 239 Keitele; 263 Kiuruvesi; 297 Kuopio;
        402 Lapinlahti; 420 Leppävirta; 595 Pielavesi; 686 Rautalampi; 687 Rautavaara; 749 Siilinjärvi;
        762 Sonkajärvi; 778 Suonenjoki; 844 Tervo; 857 Tuusniemi; 915 Varkaus; 921 Vesanto; 925 Vieremä
    """,
    Region.NORTH_KARELIA: """
        090 Heinävesi; 146 Ilomantsi/Ilomants; 167 Joensuu; 176 Juuka; 260 Kitee; 276 Kontiolahti; 309 Outokumpu;
        422 Lieksa; 426 Liperi; 541 Nurmes; 607 Polvijärvi; 707 Rääkkylä; 848 Tohmajärvi
    """,
    Region.CENTRAL_FINLAND: """
        077 Hankasalmi; 172 Joutsa; 179 Jyväskylä; 182 Jämsä; 216 Kannonkoski; 226 Karstula; 249 Keuruu;
        256 Kinnula; 265 Kivijärvi; 275 Konnevesi; 312 Kyyjärvi; 410 Laukaa; 435 Luhanka; 495 Multia;
        500 Muurame; 592 Petäjävesi; 601 Pihtipudas; 729 Saarijärvi; 850 Toivakka; 892 Uurainen;
        931 Viitasaari; 992 Äänekoski
    """,
    Region.SOUTH_OSTROBOTHNIA: """
        005 Alajärvi; 010 Alavus/Alavo; 052 Evijärvi; 145 Ilmajoki; 151 Isojoki/Storå; 218 Karijoki/Bötom;
        232 Kauhajoki; 233 Kauhava; 300 Kuortane; 301 Kurikka; 403 Lappajärvi; 408 Lapua/Lappo; 743 Seinäjoki;
        759 Soini; 846 Teuva/Östermark; 934 Vimpeli/Vindala; 989 Ähtäri/Etseri
    """,
    Region.OSTROBOTHNIA: """
        152 Isokyrö/Storkyro; 231 Kaskinen/Kaskö; 280 Korsnäs; 287 Kristiinankaupunki/Kristinestad;
        288 Kruunupyy/Kronoby; 399 Laihia/Laihela; 440 Luoto/Larsmo; 475 Maalahti/Malax; 499 Mustasaari/Korsholm;
        545 Närpiö/Närpes; 598 Pietarsaari/Jakobstad; 599 Pedersöre; 893 Uusikaarlepyy/Nykarleby; 905 Vaasa/Vasa;
        946 Vöyri/Vörå
    """,
    Region.CENTRAL_OSTROBOTHNIA: """
        074 Halsua; 217 Kannus; 236 Kaustinen/Kaustby; 272 Kokkola/Karleby; 421 Lestijärvi; 584 Perho;
        849 Toholampi; 924 Veteli/Vetil
    """,
    Region.NORTH_OSTROBOTHNIA: """
        009 Alavieska; 069 Haapajärvi; 071 Haapavesi; 072 Hailuoto/Karlö; 139 Ii/Ijo; 208 Kalajoki; 244 Kempele;
        305 Kuusamo; 317 Kärsämäki; 425 Liminka/Limingo; 436 Lumijoki; 483 Merijärvi; 494 Muhos; 535 Nivala;
        563 Oulainen; 564 Oulu/Uleåborg; 615 Pudasjärvi; 625 Pyhäjoki; 626 Pyhäjärvi; 630 Pyhäntä; 678 Raahe/Brahestad;
        691 Reisjärvi; 746 Sievi; 748 Siikajoki; 785 Vaala; 791 Siikalatva; 832 Taivalkoski; 859 Tyrnävä;
        889 Utajärvi; 977 Ylivieska
    """,
    Region.KAINUU: """
        105 Hyrynsalmi; 205 Kajaani/Kajana; 290 Kuhmo; 578 Paltamo; 620 Puolanka; 697 Ristijärvi; 765 Sotkamo;
        777 Suomussalmi
    """,
    Region.LAPLAND: """
        047 Enontekiö/Enontekis; 148 Inari/Enare; 240 Kemi; 241 Keminmaa; 261 Kittilä; 273 Kolari; 320 Kemijärvi;
        498 Muonio; 583 Pelkosenniemi; 614 Posio; 683 Ranua; 698 Rovaniemi; 732 Salla; 742 Savukoski; 751 Simo;
        758 Sodankylä; 845 Tervola; 851 Tornio/Torneå; 854 Pello; 890 Utsjoki; 976 Ylitornio/Övertorneå
    """,
    Region.ALAND: """
        035 Brändö; 043 Eckerö; 060 Finström; 062 Föglö; 065 Geta; 076 Hammarland; 170 Jomala; 295 Kumlinge;
        318 Kökar; 417 Lemland; 438 Lumparland; 478 Maarianhamina/Mariehamn; 736 Saltvik; 766 Sottunga; 771 Sund;
        941 Vårdö
    """,
}


def _parse() -> dict[str, Municipality]:
    found = {}
    for region, table in _TABLE.items():
        for entry in table.split(";"):
            code, _space, names = entry.strip().partition(" ")
            finnish, _slash, swedish = names.partition("/")
            found[code] = Municipality(code=code, finnish=finnish.strip(), swedish=swedish.strip(), region=region.value)
    return dict(sorted(found.items()))


MUNICIPALITIES: dict[str, Municipality] = _parse()
CODES: list[str] = list(MUNICIPALITIES)
# For a model field's choices: the code and the Finnish name (what the database's constraint and migrations see).
CHOICES: list[tuple[str, str]] = [(m.code, m.finnish) for m in MUNICIPALITIES.values()]


def get(code: str) -> Municipality | None:
    return MUNICIPALITIES.get(code)


def region_of(code: str) -> str | None:
    """The region (a :class:`~portal.lib.choices.Region` value) of the municipality ``code``."""
    municipality = MUNICIPALITIES.get(code)
    return municipality.region if municipality else None


@lru_cache(maxsize=32)
def codes_in(region: str) -> tuple[str, ...]:
    """The codes of the municipalities of ``region``."""
    return tuple(m.code for m in MUNICIPALITIES.values() if m.region == region)


def name(code: str, language: str | None = None) -> str:
    municipality = MUNICIPALITIES.get(code)
    return municipality.name(language) if municipality else code


@lru_cache(maxsize=8)
def choices(language: str | None = None) -> list[tuple[str, str]]:
    """``(code, name)`` of every municipality, sorted by its name in ``language``, for a form's select."""
    pairs = [(m.code, m.name(language)) for m in MUNICIPALITIES.values()]
    return sorted(pairs, key=lambda pair: pair[1].casefold().replace("å", "{").replace("ä", "|").replace("ö", "}"))
