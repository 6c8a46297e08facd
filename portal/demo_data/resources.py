"""Demo data of the resource library: a few documents and links of the main network, one document with two
versions, two of them public (shown on the network's public page).

The files are made here, in code: small one-page PDFs with a line of text, checked as an upload is
(:func:`portal.lib.uploads.check_document`) and stored as the library stores them. Nobody is e-mailed: the rows
are written directly, not through the service that tells the network.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import timezone

from networks.goals.models import Goal, QualityArea
from networks.resources.models import Resource, ResourceKind, ResourceVersion, Visibility
from partners.directory.models import ExpertiseArea
from portal.demo_data.people import COORDINATOR_EMAIL, COUNSELLOR_EMAIL
from portal.lib.uploads import check_document

# (kind, Finnish title, Swedish title, English title, description, address, public, quality areas, files)
# files: (name, the text of its page, what changed) for each version, oldest first.
RESOURCES = [
    (
        ResourceKind.DOCUMENT,
        "Ohjauksen laatukriteerit – verkoston yhteinen opas",
        "Kvalitetskriterier för vägledning – nätverkets gemensamma guide",
        "Quality criteria of guidance – the network's shared guide",
        "Verkoston yhdessä sopimat aikuisohjauksen laatukriteerit ja niiden arviointi.\n\n"
        "Oppaassa kuvataan, miten ohjauspalvelujen saavutettavuutta, asiakaslähtöisyyttä ja henkilöstön "
        "osaamista arvioidaan vuosittain.",
        "",
        True,
        [QualityArea.PRACTITIONER_COMPETENCE, QualityArea.SERVICE_PROVISION],
        [
            ("laatukriteerit-2025.pdf", "Ohjauksen laatukriteerit 2025", ""),
            ("laatukriteerit-2026.pdf", "Ohjauksen laatukriteerit 2026", "Päivitetty vuoden 2026 arvioinnin jälkeen"),
        ],
    ),
    (
        ResourceKind.DOCUMENT,
        "Asiakkaan ohjaaminen eteenpäin – lähetekäytäntö",
        "",
        "",
        "Miten asiakas ohjataan toiselle verkoston organisaatiolle niin, ettei hänen tarvitse kertoa asiaansa "
        "uudelleen.",
        "",
        False,
        [QualityArea.USER_INVOLVEMENT],
        [("lahetekaytanto.pdf", "Lähetekäytäntö", "")],
    ),
    (
        ResourceKind.DOCUMENT,
        "Verkostotapaamisen muistiopohja",
        "",
        "",
        "Pohja verkoston tapaamisten muistioihin.",
        "",
        False,
        [],
        [("muistiopohja.pdf", "Muistiopohja", "")],
    ),
    (
        ResourceKind.LINK,
        "Opintopolku – koulutukset ja haku",
        "Studieinfo – utbildningar och ansökan",
        "Studyinfo – education and applying",
        "Kaikki Suomen koulutukset ja niihin hakeminen yhdessä palvelussa.",
        "https://opintopolku.fi/",
        True,
        [QualityArea.SERVICE_PROVISION],
        [],
    ),
    (
        ResourceKind.LINK,
        "Työmarkkinatori",
        "Jobbmarknad",
        "Job Market Finland",
        "Työpaikat, koulutukset ja palvelut työnhakijoille.",
        "https://tyomarkkinatori.fi/",
        False,
        [QualityArea.USER_INVOLVEMENT],
        [],
    ),
]


def pdf_with_text(text: str) -> bytes:
    """A one-page PDF saying ``text`` (Latin-1 letters) in Helvetica, with a correct cross-reference table."""
    line = text.encode("latin-1", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = b"BT /F1 18 Tf 72 760 Td (" + line + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _version(resource, number, file, *, user, when) -> ResourceVersion:
    name, text, note = file
    content = ContentFile(pdf_with_text(text), name=name)
    version = ResourceVersion(
        resource=resource,
        number=number,
        original_name=name,
        content_type=check_document(content, name),
        size=content.size,
        note=note,
        uploaded_by=user,
    )
    version.file.save(name, content, save=False)
    version.save()
    ResourceVersion.objects.filter(pk=version.pk).update(created_at=when)
    return version


def seed_resources(network, *, people=None, **_ignored) -> list[Resource]:
    """The main network's library: documents (one with two versions) and links, tagged, two of them public."""
    people = people or {}
    adders = [people.get(COORDINATOR_EMAIL), people.get(COUNSELLOR_EMAIL)]
    areas = list(ExpertiseArea.objects.filter(Q(network=network) | Q(network__isnull=True)).order_by("name", "pk"))
    goals = list(Goal.objects.filter(network=network).order_by("title", "pk"))
    now = timezone.now()
    made = []
    for number, (kind, fi, sv, en, description, url, public, quality, files) in enumerate(RESOURCES):
        added_by = adders[number % 2]
        resource = Resource.objects.create(
            network=network,
            kind=kind,
            title=fi,
            title_fi=fi,
            title_sv=sv or None,
            title_en=en or None,
            description=description,
            description_fi=description,
            url=url,
            visibility=Visibility.PUBLIC if public else Visibility.NETWORK,
            quality_areas=list(quality),
            added_by=added_by,
        )
        added_at = now - datetime.timedelta(days=90 - 15 * number)
        Resource.objects.filter(pk=resource.pk).update(created_at=added_at)
        if areas:
            resource.expertise.set(areas[number % len(areas) :][:2])
        if goals and number % 2 == 0:
            resource.goals.set(goals[number % len(goals) :][:1])
        for index, file in enumerate(files, start=1):
            _version(resource, index, file, user=added_by, when=added_at + datetime.timedelta(days=30 * (index - 1)))
        made.append(resource)
    return made
