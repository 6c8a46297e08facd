"""Partnership health checks: each party of an agreement (or each member) rates the partnership's
good-practice aspects red, amber or green; the counts per aspect; the reds and ambers become a draft review
meeting."""

from networks.trust.models import RoundResult, SurveyRound


def health_compute(round_: SurveyRound, result: RoundResult) -> None:
    """The health check's figures of a round being closed: per aspect, the reds, ambers and greens."""
