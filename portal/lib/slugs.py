"""Address identifiers (slugs) made from names, unique within a model."""

from django.utils.text import slugify


def free_slugs(model, names: list[str], *, fallback: str) -> list[str]:
    """An unused slug for each of ``names`` in ``model``, also unused by each other, in one query.

    ``kaupunki``, then ``kaupunki-2``, ``kaupunki-3``… A name with nothing to slugify gets ``fallback``.
    Slugs hold only ``[a-z0-9_-]``, so they go into the regular expression as they are.
    """
    bases = [slugify(name)[:70].strip("-") or fallback for name in names]
    if not bases:
        return []
    pattern = "^(" + "|".join(sorted(set(bases))) + r")(-[0-9]+)?$"
    taken = set(model._default_manager.filter(slug__regex=pattern).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        slugs.append(slug)
    return slugs
