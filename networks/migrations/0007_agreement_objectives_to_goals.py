"""Partner agreements had a text field for the shared objectives they serve; goals replace it. Each distinct
text of a network becomes a proposed goal linked to the agreements that had it;
a coordinator then opens its endorsement. Going back writes the linked goals' descriptions into the field."""

import datetime

from django.db import migrations

TITLE_MAX = 200


def _title(text: str) -> str:
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first_line) <= TITLE_MAX:
        return first_line
    return first_line[: TITLE_MAX - 1].rstrip() + "…"


def objectives_to_goals(apps, schema_editor):
    Agreement = apps.get_model("partners", "Agreement")
    Goal = apps.get_model("networks", "Goal")
    GoalRevision = apps.get_model("networks", "GoalRevision")
    goals = {}  # (network id, text) -> goal
    for agreement in Agreement.objects.exclude(shared_objectives="").order_by("pk").iterator():
        text = agreement.shared_objectives.strip()
        if not text:
            continue
        goal = goals.get((agreement.network_id, text))
        if goal is None:
            start = agreement.valid_from or agreement.created_at.date()
            # Open-ended: three years, the usual span of a network's strategy (29 February → 28 February).
            end = agreement.valid_until or (
                start.replace(year=start.year + 3, day=min(start.day, 28)) - datetime.timedelta(days=1)
            )
            goal = Goal.objects.create(
                network_id=agreement.network_id,
                title=_title(text),
                description=text,
                period_start=start,
                period_end=max(end, start),
                quality_area="service_provision",
                status="proposed",
                contact_id=agreement.coordinator_id,
                proposed_by_id=agreement.created_by_id,
            )
            GoalRevision.objects.create(
                goal=goal,
                number=1,
                title=goal.title,
                description=goal.description,
                period_start=goal.period_start,
                period_end=goal.period_end,
                created_by_id=agreement.created_by_id,
            )
            goals[(agreement.network_id, text)] = goal
        goal.agreements.add(agreement)


def goals_to_objectives(apps, schema_editor):
    Agreement = apps.get_model("partners", "Agreement")
    for agreement in Agreement.objects.prefetch_related("goals").iterator(chunk_size=500):
        text = "\n\n".join(goal.description for goal in agreement.goals.all())[:5000]
        if text:
            Agreement.objects.filter(pk=agreement.pk).update(shared_objectives=text)


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0006_goals"),
        ("partners", "0008_commitment_unit_single_line"),
    ]

    operations = [migrations.RunPython(objectives_to_goals, goals_to_objectives)]
